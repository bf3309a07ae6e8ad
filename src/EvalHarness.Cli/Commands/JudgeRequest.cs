namespace EvalHarness.Cli.Commands;

/// <summary>The judge flags of <c>run</c> and <c>score</c>: which models judge, at which endpoint, and how a panel votes.</summary>
internal sealed record JudgeRequest
{
    public static JudgeRequest None { get; } = new();

    /// <summary>One spec per <c>--judge</c>; several form a panel.</summary>
    public IReadOnlyList<string> Specs { get; init; } = [];

    public string? BaseUrl { get; init; }

    public string? ApiKeyVariable { get; init; }

    public string Vote { get; init; } = "majority";

    public int? MaxConnections { get; init; }
}
