using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// Reads aisev's quantitative dataset CSV as aisev does: UTF-8 (a BOM is fine), comma-separated with quoted
/// cells that may span lines, pandas' missing values, and aisev's rules for which rows it evaluates.
/// </summary>
public static class AisevDataset
{
    /// <param name="source">The file's text, as read by <see cref="TextFiles"/>.</param>
    /// <param name="gsn">GSN files to weigh rows with (<c>--gsn</c>), or null.</param>
    /// <param name="diagnostics">Where problems go; rows aisev would leave out are warnings.</param>
    public static AisevData Read(DatasetSource source, GsnWeights? gsn, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var file = source.DisplayPath;
        var records = CsvDatasetReader.Read(source.Text, file, ',', diagnostics, _ => "aisev reads commas only; save the file as comma-separated CSV");
        if (records.Count == 0)
        {
            return AisevData.Empty;
        }

        var columns = records[0].Fields.Select(f => f.Key).ToList();
        var missing = false;
        foreach (var required in new[] { AisevColumns.Text, AisevColumns.Perspective })
        {
            if (!columns.Contains(required, StringComparer.Ordinal))
            {
                diagnostics.Error(file, 1, 0, required, $"the header has no '{required}' column, which every aisev dataset needs (columns: ID, text, ten_perspective, scorer, requirement, output, ans0…, gsn_perspective; names are case-sensitive)");
                missing = true;
            }
        }

        if (missing)
        {
            return AisevData.Empty;
        }

        var rows = records.Select((r, i) => new AisevRow(r.Line, i + 1, r.Fields)).ToList();
        var eligible = AisevEligibility.Apply(rows, columns.ToHashSet(StringComparer.Ordinal), file, diagnostics);
        var builder = new AisevRecordBuilder(file, columns, gsn, diagnostics);
        var built = eligible.Select(e => builder.Build(e.Row, e.Kind)).ToList();
        builder.ReportLeftovers();
        if (built.Count == 0)
        {
            diagnostics.Error(file, 0, 0, null, "no row is left to evaluate (see the warnings above for why each was left out)");
        }

        var kinds = AisevScorerKind.All.Where(k => eligible.Exists(e => e.Kind == k)).ToList();
        var japanese = eligible.Count == 0 || eligible.Exists(e => IsJapanese(e.Row.Cell(AisevColumns.Text)!));
        var trees = gsn?.Trees.Where(t => builder.TreesUsed.Contains(t.Path)).ToList() ?? [];
        return new AisevData(built, kinds, japanese ? "ja" : "en", trees);
    }

    private static bool IsJapanese(string text) =>
        text.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\uFF66' and <= '\uFF9F');
}
