using System.Security.Cryptography;

namespace EvalHarness.Evidence;

/// <summary>How strictly to check a pack's signature.</summary>
/// <param name="TrustedKey">The public key the evaluator trusts (from elsewhere than the pack), or null.</param>
/// <param name="RequireSignature">A pack without a valid signature is a difference.</param>
public sealed record VerifyOptions(ECDsa? TrustedKey, bool RequireSignature);
