namespace EvalHarness.Evidence;

/// <summary>
/// Who signed: the public key (PEM) and the SHA-256 of its SubjectPublicKeyInfo DER. Being inside the manifest,
/// both are covered by the signature; the key is only trusted when the evaluator's own copy matches it.
/// </summary>
public sealed record ManifestSignature(string Algorithm, string PublicKeySha256, string PublicKeyPem)
{
    public const string EcdsaP256Sha256 = "ECDSA P-256 SHA-256";
}
