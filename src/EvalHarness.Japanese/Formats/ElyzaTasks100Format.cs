using System.Globalization;
using EvalHarness.Validation;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Japanese.Formats;

/// <summary>
/// ELYZA-tasks-100's <c>test.csv</c>: columns <c>input</c>, <c>output</c> (a reference answer, not
/// the only right one) and <c>eval_aspect</c> (what a grader should look for).
/// </summary>
internal sealed class ElyzaTasks100Format : IDatasetFormat
{
    private static readonly string[] RequiredColumns = ["input", "output"];

    private ElyzaTasks100Format()
    {
    }

    public static IDatasetFormat Default { get; } = new ElyzaTasks100Format();

    public string Name => "elyza-tasks-100";

    public string Description => "ELYZA-tasks-100 CSV (input, output, eval_aspect): open-ended tasks with a reference answer and grading notes";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    // The cells are already turned into typed fields here, so a reference answer that starts with [ stays text.
    public bool TextCells => false;

    public string? SourceIdField => null;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var rows = CsvDatasetReader.Read(source.Text, source.DisplayPath, ',', diagnostics);
        var records = new List<RawRecord>(rows.Count);
        if (rows.Count == 0)
        {
            return records;
        }

        // A missing column would otherwise be reported once per row.
        var missing = RequiredColumns.Where(c => !rows[0].Fields.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            diagnostics.Error(source.DisplayPath, 1, 0, column, "the header row has no such column; ELYZA-tasks-100 files have the columns input, output, eval_aspect");
        }

        if (missing.Count > 0)
        {
            return records;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var fields = new SourceFields(rows[i].Fields, string.Empty, source.DisplayPath, rows[i].Line, 0, diagnostics);
            var input = fields.Text("input");
            var output = fields.Text("output");
            var aspect = fields.OptionalText("eval_aspect");
            if (input is null || output is null)
            {
                continue;
            }

            var id = (i + 1).ToString(CultureInfo.InvariantCulture);
            records.Add(StandardRecord.Create(
                rows[i].Line,
                id,
                input,
                targets: [output],
                metadata: aspect is null ? null : [new("eval_aspect", aspect)]));
        }

        return records;
    }
}
