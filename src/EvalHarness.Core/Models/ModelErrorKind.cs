namespace EvalHarness.Models;

public enum ModelErrorKind
{
    /// <summary>May succeed if tried again (rate limit, server error, timeout, dropped connection).</summary>
    Transient,

    /// <summary>Will fail again until the user fixes something (bad key, unknown model, bad request, missing recording).</summary>
    Permanent,
}
