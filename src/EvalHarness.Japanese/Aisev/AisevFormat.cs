using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// <c>aisev</c>: J-AISI aisev's quantitative dataset CSV. A suite file that uses it defines a scorer for each
/// <see cref="AisevScorerKind.Id"/> its rows use; <c>evalh run file.csv</c> builds that suite itself.
/// </summary>
internal sealed class AisevFormat : IDatasetFormat
{
    private AisevFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new AisevFormat();

    public string Name => "aisev";

    public string Description => "J-AISI aisev quantitative dataset CSV (ID, text, ten_perspective, scorer, requirement, output, ans0…, gsn_perspective); each row names its scorer id (requirement, model_graded_qa, choice, exact)";

    // .csv belongs to the generic format; aisev files are run as `evalh run file.csv` or named with format: aisev.
    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => AisevColumns.Id;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics) => AisevDataset.Read(source, null, diagnostics).Records;
}
