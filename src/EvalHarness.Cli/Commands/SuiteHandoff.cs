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

    /// <summary>The suites, for the run, in a list of their own: the one this holder kept is emptied.</summary>
    /// <remarks>
    /// Emptied, not just dropped: a compiled method may keep a reference in a stack slot it no longer reads (an
    /// iterator over the list, an argument) for as long as it runs, and such a slot must not keep a dataset alive.
    /// The caller empties the returned list the same way once the requests are done.
    /// </remarks>
    public List<Suite> Take()
    {
        var kept = _suites ?? throw new InvalidOperationException("the suites were already handed to the run");
        var taken = new List<Suite>(kept);
        kept.Clear();
        _suites = null;
        return taken;
    }
}
