namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// The columns of aisev's quantitative dataset CSV (names are case-sensitive, as aisev reads them) and which
/// cell values aisev's pandas reading turns into "no value".
/// </summary>
internal static class AisevColumns
{
    public const string Id = "ID";
    public const string Text = "text";
    public const string Perspective = "ten_perspective";
    public const string Scorer = "scorer";
    public const string Requirement = "requirement";
    public const string Output = "output";
    public const string Gsn = "gsn_perspective";

    /// <summary>aisev takes every column whose name contains this as a multiple-choice option, in column order.</summary>
    public const string ChoiceMarker = "ans";

    // pandas' default NA strings: aisev's read_csv turns a cell holding exactly one of them into a missing value.
    private static readonly HashSet<string> NaStrings = new(StringComparer.Ordinal)
    {
        string.Empty, "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
        "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    };

    public static bool IsMissing(string? cell) => cell is null || NaStrings.Contains(cell);

    public static bool IsChoice(string column) => column.Contains(ChoiceMarker, StringComparison.Ordinal);
}
