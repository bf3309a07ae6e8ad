using System.Text.RegularExpressions;
using EvalHarness.Logs;

namespace EvalHarness.Engine;

/// <summary>
/// Spots a target that is unusable from the start: when the first samples all fail with the same error
/// (a bad key, an unknown model, an endpoint that is down), the run aborts instead of failing the whole
/// dataset one sample at a time. Identical content-filter refusals are answers about the prompts, not a
/// broken target, and never trigger it.
/// </summary>
internal sealed partial class FailureWatch
{
    private readonly int _threshold;
    private readonly Lock _lock = new();
    private bool _settled;
    private string? _signature;
    private int _count;

    public FailureWatch(int threshold)
    {
        _threshold = threshold;
        _settled = threshold <= 0;
    }

    /// <summary>Returns the reason to abort, once, or null.</summary>
    public string? Observe(SampleRecord record)
    {
        lock (_lock)
        {
            if (_settled)
            {
                return null;
            }

            if (record.Error is not { } error || error.Kind == "solver" || ContentFilter().IsMatch(error.Message))
            {
                _settled = true;
                return null;
            }

            var signature = $"{error.Kind}|{error.Status}|{StripAttempts(error.Message)}";
            if (_signature is not null && _signature != signature)
            {
                _settled = true;
                return null;
            }

            _signature = signature;
            if (++_count < _threshold)
            {
                return null;
            }

            _settled = true;
            return $"the first {_count} samples all failed with the same error, so the model looks unusable: {StripAttempts(error.Message)}";
        }
    }

    private static string StripAttempts(string message)
    {
        var cut = message.LastIndexOf(" (gave up after ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"content[ _-]?(filter|policy|management)|safety system|flagged|moderation", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContentFilter();
}
