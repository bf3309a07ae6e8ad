using EvalHarness.Configuration;
using EvalHarness.Tokenization;

namespace EvalHarness.Scoring;

/// <summary>Everything a scorer factory may use to create a configured scorer.</summary>
public sealed class ScorerContext
{
    /// <summary>The scorer's <c>options</c> from the suite file; unknown keys are reported after creation.</summary>
    public required ConfigSection Options { get; init; }

    /// <summary>The metric tokenizers the packs registered (BLEU, chrF and ROUGE choose theirs here).</summary>
    public required TokenizerCatalog Tokenizers { get; init; }

    /// <summary>Models for roles such as <c>judge</c>, resolved when scoring.</summary>
    public IModelRoles Roles { get; init; } = ModelRoles.None;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The suite file's directory, for files a scorer names relative to it (a rubric).</summary>
    public string? SuiteDirectory { get; init; }

    /// <summary>Checks that a file the suite names lies where the suite may read; false after reporting why.</summary>
    public Func<ConfigSection, string, string, bool> MayRead { get; init; } = (_, _, _) => true;
}
