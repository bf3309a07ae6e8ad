using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reports;

namespace EvalHarness.Reporting.Csv;

/// <summary>
/// Every sample record of the run (sample × epoch) as one spreadsheet row, for reviewing answers by
/// hand: filtering by category, sorting by score, reading the model's output next to the targets.
/// </summary>
public sealed class SamplesCsvReporter : ILogReporter
{
    // RFC 4180 asks for CRLF. Once NewLine is set, CsvHelper's default quoting rule only looks for that
    // exact sequence, so a cell holding a bare CR or LF (model output often does) would split the row:
    // quoting is decided here instead. CsvHelper's own injection guard stays off: it would also apply to
    // the numbers written here (turning -0.5 into text), so CsvCells neutralises text cells instead.
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = args => NeedsQuotes(args.Field),
        InjectionOptions = InjectionOptions.None,
    };

    public static SamplesCsvReporter Default { get; } = new();

    public string Name => "csv";


    public string Description => "every sample as a spreadsheet row (formulas neutralised, invisible characters made visible)";

    public string FileName => "samples.csv";

    public void Write(ReportInput input, string path)
    {
        ArgumentNullException.ThrowIfNull(input);
        Write(input.Log, input.ShowPersonalData, path);
    }

    public void Write(RunLog log, bool showPersonalData, string path)
    {
        ArgumentNullException.ThrowIfNull(log);
        var columns = SampleColumns.For(log.Header);
        var records = SampleOrder.BySuiteIdEpoch(OutputMasking.ForDisplay(log, showPersonalData));
        AtomicFile.Write(path, stream =>
        {
            // Without the BOM, Excel reads the file in the ANSI code page and Japanese turns into mojibake.
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
            using var csv = new CsvWriter(text, Configuration, leaveOpen: true);
            foreach (var name in columns.Names)
            {
                csv.WriteField(CsvCells.Text(name));
            }

            csv.NextRecord();
            foreach (var record in records)
            {
                columns.WriteRow(csv, record);
                csv.NextRecord();
            }
        });
    }

    private static bool NeedsQuotes(string? field) =>
        !string.IsNullOrEmpty(field)
        && (field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]));
}
