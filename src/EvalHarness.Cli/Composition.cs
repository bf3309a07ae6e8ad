using EvalHarness.Extensions;
using EvalHarness.Japanese;
using EvalHarness.Japanese.Aisev;
using EvalHarness.Judges;
using EvalHarness.Loading;
using EvalHarness.Providers;
using EvalHarness.Reporting;
using EvalHarness.Reports;
using EvalHarness.Risk.Bias;
using EvalHarness.Risk.Hallucination;
using EvalHarness.Risk.Privacy;
using EvalHarness.Risk.Robustness;
using EvalHarness.Risk.Safety;
using EvalHarness.Scorers;
using EvalHarness.Scoring;

namespace EvalHarness.Cli;

/// <summary>The one place where the harness is put together: a list of packs on top of the core.</summary>
public static class Composition
{
    /// <summary>The packs <c>evalh</c> runs with, after the core pack.</summary>
    public static IReadOnlyList<IEvalPack> Packs { get; } =
    [
        ScorersPack.Default,
        JapanesePack.Default,
        ProvidersPack.Default,
        ReportingPack.Default,
        JudgesPack.Default,
        AisevPack.Default,
        HallucinationPack.Default,
        BiasPack.Default,
        SafetyPack.Default,
        PrivacyPack.Default,
        RobustnessPack.Default,
    ];

    public static EvalCatalog Catalog { get; } = EvalCatalog.Create([.. Packs]);

    public static SuiteLoader SuiteLoader(IModelRoles? roles = null) => new(Catalog, roles);

    public static ReporterSet Reporters() => new(Catalog.Reporters.InOrder);
}
