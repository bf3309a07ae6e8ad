using System.Text.Json.Nodes;

namespace EvalHarness.Japanese.Aisev;

/// <summary>One data row of an aisev CSV: its cells by column, where it starts, and its position among the rows.</summary>
internal sealed class AisevRow
{
    public AisevRow(int line, int ordinal, JsonObject cells)
    {
        Line = line;
        Ordinal = ordinal;
        Cells = cells;
    }

    public int Line { get; }

    /// <summary>1-based among the file's data rows (blank lines skipped), as pandas numbers them.</summary>
    public int Ordinal { get; }

    public JsonObject Cells { get; }

    /// <summary>The cell as written, or null when the column is absent or the cell is a value aisev reads as missing.</summary>
    public string? Cell(string column) =>
        Cells.TryGetPropertyValue(column, out var node) && node?.GetValue<string>() is { } text && !AisevColumns.IsMissing(text) ? text : null;
}
