using EvalHarness.Suites;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// The loaded suites on their way to the run, held in one place so they can be let go once the requests are done:
/// a million samples' prompts are hundreds of megabytes that the results and reports (which read the log) never need.
/// </summary>
internal sealed class SuiteHandoff(List<Suite> suites)
{
    private List<Suite>? _suites = suites;

    public IReadOnlyList<Suite> Suites => _suites ?? throw new InvalidOperationException("the suites were already handed to the run");

    /// <summary>The suites, for the run; this holder keeps them no longer.</summary>
    public List<Suite> Take()
    {
        var taken = _suites ?? throw new InvalidOperationException("the suites were already handed to the run");
        _suites = null;
        return taken;
    }
}
