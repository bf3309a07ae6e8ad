using System.Globalization;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// Which rows aisev evaluates. It applies its rules to each scorer group (the rows with one <c>scorer</c> value)
/// separately, and silently; here every row left out is reported as a warning naming its lines.
/// </summary>
internal static class AisevEligibility
{
    private const int LinesShown = 10;

    public static List<(AisevRow Row, AisevScorerKind Kind)> Apply(IReadOnlyList<AisevRow> rows, IReadOnlySet<string> columns, string file, DiagnosticBag diagnostics)
    {
        var eligible = new List<(AisevRow Row, AisevScorerKind Kind)>();
        foreach (var group in rows.GroupBy(r => r.Cell(AisevColumns.Scorer) ?? AisevScorerKind.ModelGradedQa.Id, StringComparer.Ordinal))
        {
            var name = group.Key;
            var kind = AisevScorerKind.Parse(name, out var known);
            if (!known)
            {
                diagnostics.Warning(file, group.First().Line, 0, AisevColumns.Scorer,
                    $"'{name}' is not a scorer aisev knows (requirement, model_graded_qa, exact, multiple_choice, choice); {(group.Count() == 1 ? "its row is" : $"its {group.Count()} rows are")} graded as model_graded_qa against 'output', as aisev does");
            }

            var kept = group.ToList();
            kept = Drop(kept, r => r.Cell(AisevColumns.Text) is null, name, AisevColumns.Text, "'text' is empty", file, diagnostics);
            kept = Drop(kept, r => r.Cell(AisevColumns.Text)!.Trim().Length == 0, name, AisevColumns.Text, "'text' is only white space (the model would be sent nothing)", file, diagnostics);
            var output = Optional(ref kept, columns, AisevColumns.Output, name, file, diagnostics);
            kept = Drop(kept, r => r.Cell(AisevColumns.Perspective) is null, name, AisevColumns.Perspective, "'ten_perspective' is empty", file, diagnostics);
            var requirement = Optional(ref kept, columns, AisevColumns.Requirement, name, file, diagnostics);
            if (columns.Contains(AisevColumns.Gsn))
            {
                // aisev makes no exception here: an empty gsn_perspective column leaves out every row.
                kept = Drop(kept, r => r.Cell(AisevColumns.Gsn) is null, name, AisevColumns.Gsn, "'gsn_perspective' is empty (aisev drops such rows whenever the column exists)", file, diagnostics);
            }

            var usable = kind.NeededColumn == AisevColumns.Output ? output : requirement;
            if (!usable && kept.Count > 0)
            {
                diagnostics.Warning(file, kept[0].Line, 0, kind.NeededColumn,
                    $"the {Rows(kept.Count)} of scorer '{name}' cannot be scored: that scorer needs '{kind.NeededColumn}', which is {(columns.Contains(kind.NeededColumn) ? "empty in every one of them" : "not a column of the file")} (aisev gives their perspective no result); they are left out ({Lines(kept)})");
                continue;
            }

            eligible.AddRange(kept.Select(r => (r, kind)));
        }

        return eligible.OrderBy(e => e.Row.Ordinal).ToList();
    }

    /// <summary>
    /// aisev's rule for <c>output</c> and <c>requirement</c>: a column empty in every row of the group is ignored,
    /// otherwise rows without a value are left out. True when the group keeps the column.
    /// </summary>
    private static bool Optional(ref List<AisevRow> kept, IReadOnlySet<string> columns, string column, string group, string file, DiagnosticBag diagnostics)
    {
        if (!columns.Contains(column) || kept.TrueForAll(r => r.Cell(column) is null))
        {
            return false;
        }

        kept = Drop(kept, r => r.Cell(column) is null, group, column, $"'{column}' is empty while other rows of this scorer fill it", file, diagnostics);
        return true;
    }

    private static List<AisevRow> Drop(List<AisevRow> rows, Func<AisevRow, bool> drop, string group, string column, string why, string file, DiagnosticBag diagnostics)
    {
        var dropped = rows.Where(drop).ToList();
        if (dropped.Count == 0)
        {
            return rows;
        }

        diagnostics.Warning(file, dropped[0].Line, 0, column, $"{Rows(dropped.Count)} of scorer '{group}' left out, as aisev leaves them out: {why} ({Lines(dropped)})");
        return rows.Except(dropped).ToList();
    }

    private static string Rows(int count) => count == 1 ? "1 row" : count.ToString(CultureInfo.InvariantCulture) + " rows";

    private static string Lines(List<AisevRow> rows)
    {
        var shown = string.Join(", ", rows.Take(LinesShown).Select(r => r.Line.ToString(CultureInfo.InvariantCulture)));
        return (rows.Count == 1 ? "line " : "lines ") + shown + (rows.Count > LinesShown ? $" and {rows.Count - LinesShown} more" : string.Empty);
    }
}
