using System.Text;

namespace EvalHarness.Evidence;

/// <summary>Checks <c>manifest.sig</c> against the exact manifest bytes and the key the evaluator trusts.</summary>
internal static class SignatureCheck
{
    /// <summary>Adds each signature problem to <paramref name="differences"/>; returns what the signature shows.</summary>
    public static string Check(string root, byte[] manifestBytes, EvidenceManifest manifest, VerifyOptions options, List<string> differences)
    {
        var sigPath = Path.Combine(root, EvidenceLayout.Signature);
        var hasSig = File.Exists(sigPath);
        var claimed = manifest.Signature;
        if (!hasSig && claimed is null)
        {
            if (options.RequireSignature)
            {
                differences.Add($"{EvidenceLayout.Signature}: missing: the pack is not signed, and --require-signature was given");
            }

            return "not signed";
        }

        if (!hasSig)
        {
            differences.Add($"{EvidenceLayout.Signature}: missing, although the manifest says the pack was signed by key {claimed!.PublicKeySha256} (removed?)");
            return "signature missing";
        }

        if (claimed is null)
        {
            differences.Add($"{EvidenceLayout.Signature}: present, but the manifest names no signing key (the manifest was altered?)");
            return "signature without a key in the manifest";
        }

        if (claimed.Algorithm != ManifestSignature.EcdsaP256Sha256)
        {
            differences.Add($"{EvidenceLayout.Signature}: algorithm '{claimed.Algorithm}' is not supported; this harness checks {ManifestSignature.EcdsaP256Sha256}");
            return "unsupported signature";
        }

        var signature = Encoding.ASCII.GetString(File.ReadAllBytes(sigPath));
        if (options.TrustedKey is { } trusted)
        {
            var fingerprint = EvidenceKeys.Fingerprint(trusted);
            if (fingerprint != claimed.PublicKeySha256)
            {
                differences.Add($"{EvidenceLayout.Signature}: the manifest names key {claimed.PublicKeySha256}, not the key you gave ({fingerprint})");
                return $"signed by key {claimed.PublicKeySha256}, which is not the key you gave";
            }

            if (!EvidenceKeys.Verify(trusted, manifestBytes, signature))
            {
                differences.Add($"{EvidenceLayout.Signature}: does not match {EvidenceLayout.Manifest} under the key you gave: the manifest or the signature was altered, or another key signed");
                return "signature invalid";
            }

            return $"signed by key {fingerprint}, checked against the key you gave";
        }

        // Without a key from elsewhere, the embedded key only shows the signature is consistent, not who signed.
        using var embedded = EvidenceKeys.FromPem(claimed.PublicKeyPem, needPrivate: false, out var problem);
        if (embedded is null || EvidenceKeys.Fingerprint(embedded) != claimed.PublicKeySha256)
        {
            differences.Add($"{EvidenceLayout.Signature}: the manifest's public key {(embedded is null ? problem : "does not have the fingerprint the manifest gives")}");
            return "signature unusable";
        }

        if (!EvidenceKeys.Verify(embedded, manifestBytes, signature))
        {
            differences.Add($"{EvidenceLayout.Signature}: does not match {EvidenceLayout.Manifest}: the manifest or the signature was altered");
            return "signature invalid";
        }

        if (options.RequireSignature)
        {
            differences.Add($"{EvidenceLayout.Signature}: --require-signature needs --public-key: a signature proves nothing without a key you trust");
        }

        return $"signed by key {claimed.PublicKeySha256} (not checked against a key you trust: pass --public-key)";
    }
}
