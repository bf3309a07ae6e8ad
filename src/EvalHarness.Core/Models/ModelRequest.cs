using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Models;

/// <summary>What creating a model may need besides its spec.</summary>
public sealed record ModelRequest
{
    public ModelSettings Settings { get; init; } = new();

    /// <summary>The suites of the run: <c>demo</c> reads their recordings, <c>replay</c> checks its ids against them.</summary>
    public IReadOnlyList<Suite> Suites { get; init; } = [];

    /// <summary>Receives problems that do not stop the run, such as recordings no sample uses.</summary>
    public DiagnosticBag? Warnings { get; init; }

    /// <summary>The option the spec came from (<c>--model</c>, <c>--judge</c>), for messages.</summary>
    public string Option { get; init; } = "--model";

    /// <summary>The options that set the endpoint and the key variable for this role, for messages.</summary>
    public string BaseUrlOption { get; init; } = "--base-url";

    public string KeyOption { get; init; } = "--api-key-env";
}
