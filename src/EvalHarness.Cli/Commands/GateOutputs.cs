namespace EvalHarness.Cli.Commands;

/// <summary>Where a gate writes besides gate.json in the run directory: JUnit XML, a Markdown summary and the verdict JSON.</summary>
internal sealed record GateOutputs(string? Junit = null, bool JunitSamples = false, string? Markdown = null, string? Json = null)
{
    public static GateOutputs None { get; } = new();

    public IEnumerable<(string Flag, string Path)> Files()
    {
        if (Junit is not null)
        {
            yield return ("--junit", Junit);
        }

        if (Markdown is not null)
        {
            yield return ("--markdown", Markdown);
        }

        if (Json is not null)
        {
            yield return ("--out", Json);
        }
    }
}
