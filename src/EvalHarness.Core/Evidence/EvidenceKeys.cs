using System.Security.Cryptography;

namespace EvalHarness.Evidence;

/// <summary>ECDSA P-256 keys from PEM files: signing a manifest, checking a signature, and a key's fingerprint.</summary>
public static class EvidenceKeys
{
    /// <summary>A PEM key file is a few hundred bytes; anything much larger is not one.</summary>
    public const long MaxPemBytes = 64 * 1024;

    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>The key in the PEM file (private for signing, or public), or null with the reason it cannot be used.</summary>
    public static ECDsa? Load(string path, bool needPrivate, out string? problem)
    {
        string pem;
        try
        {
            if (new FileInfo(path) is { Exists: true, Length: > MaxPemBytes })
            {
                problem = $"is larger than {MaxPemBytes} bytes: not a PEM key file";
                return null;
            }

            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : "cannot be read: " + ex.Message;
            return null;
        }

        return FromPem(pem, needPrivate, out problem);
    }

    /// <summary>The key in <paramref name="pem"/>, or null with the reason it is not an ECDSA P-256 key of the kind needed.</summary>
    public static ECDsa? FromPem(string pem, bool needPrivate, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            if (pem.Contains("ENCRYPTED", StringComparison.Ordinal))
            {
                problem = "is an encrypted key; give an unencrypted PKCS#8 or SEC1 PEM (keep it in a protected file instead)";
                key.Dispose();
                return null;
            }

            key.ImportFromPem(pem);
            var parameters = key.ExportParameters(includePrivateParameters: false);
            if (!parameters.Curve.IsNamed || parameters.Curve.Oid.Value != P256Oid)
            {
                problem = $"is an ECDSA key on {parameters.Curve.Oid.FriendlyName ?? parameters.Curve.Oid.Value ?? "an unnamed curve"}; evidence packs are signed with P-256 (nistP256, prime256v1)";
                key.Dispose();
                return null;
            }

            if (needPrivate && !HasPrivate(key))
            {
                problem = "holds a public key only; signing needs the private key";
                key.Dispose();
                return null;
            }

            problem = null;
            return key;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            problem = "is not an ECDSA P-256 key in PEM form (" + ex.Message.TrimEnd('.') + ")";
            key.Dispose();
            return null;
        }
    }

    /// <summary>Hex SHA-256 of the key's SubjectPublicKeyInfo DER: what <c>openssl pkey -pubin -outform DER | sha256sum</c> prints.</summary>
    public static string Fingerprint(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }

    public static string PublicPem(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Base64 of the DER ECDSA signature over the exact bytes.</summary>
    public static string Sign(ECDsa key, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToBase64String(key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    /// <summary>True when <paramref name="signatureBase64"/> is a valid signature of <paramref name="data"/> by <paramref name="key"/>.</summary>
    public static bool Verify(ECDsa key, byte[] data, string signatureBase64)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(signatureBase64);
        var signature = new byte[signatureBase64.Length];
        return Convert.TryFromBase64String(signatureBase64.Trim(), signature, out var length)
            && key.VerifyData(data, signature.AsSpan(0, length), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool HasPrivate(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
