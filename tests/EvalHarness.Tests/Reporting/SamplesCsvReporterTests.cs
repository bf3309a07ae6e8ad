using System.Globalization;
using System.Text;
using CsvHelper;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Suites;
using EvalHarness.Reporting.Csv;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Models;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;
using EvalHarness.Extensions;

namespace EvalHarness.Tests.Reporting;

[TestFixture]
public sealed class SamplesCsvReporterTests
{
    [TestCase("=HYPERLINK(\"http://evil\",\"x\")")]
    [TestCase("+cmd|' /C calc'!A0")]
    [TestCase("-2+3")]
    [TestCase("@SUM(A1:A9)")]
    [TestCase("\t=1+1")]
    [TestCase("\r=1+1")]
    public void A_text_cell_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(string payload)
    {
        using var dir = new TempDirectory();
        var log = Log(Record("a", 1, 1) with { Output = payload, Targets = [payload], Metadata = new Dictionary<string, string> { ["category"] = payload } });

        var rows = WriteAndRead(dir, log);

        Assert.That(rows[0]["output"], Is.EqualTo("'" + payload));
        Assert.That(rows[0]["targets"], Is.EqualTo("'" + payload));
        Assert.That(rows[0]["category"], Is.EqualTo("'" + payload));
        Assert.That(rows[0]["exact.value"], Is.EqualTo("1"), "a score is a number, not text to neutralise");
    }

    private static readonly string[] TextColumns =
        ["suite", "id", "category", "risk", "perspective", "language", "input", "output", "targets", "choices", "exact.explanation", "error_kind", "error_message"];

    [TestCase("=1+1")]
    [TestCase("-2+3")]
    [TestCase(" =1+1")]
    [TestCase("  @SUM(A1:A9)")]
    [TestCase("\u3000+1")]
    [TestCase("\u00A0=1")]
    [TestCase("\n=1+1")]
    [TestCase("＝1+1")]
    public void Every_text_column_is_neutralised_including_metadata_explanations_errors_and_a_formula_behind_leading_whitespace(string payload)
    {
        using var dir = new TempDirectory();
        var everywhere = new SampleRecord
        {
            Suite = payload,
            Id = payload,
            Epoch = 1,
            Input = [new PromptMessage("system", "be brief"), new PromptMessage("user", payload)],
            Output = payload,
            Targets = [payload],
            Choices = [payload, "B"],
            Metadata = new Dictionary<string, string> { ["category"] = payload, ["risk"] = payload, ["perspective"] = payload, ["language"] = payload },
            Scores = new Dictionary<string, Score> { ["exact"] = Score.Fail(payload, payload) },
            Error = new SampleError(payload, payload),
        };
        var unscored = Record("b", 1, null) with { Scores = new Dictionary<string, Score> { ["exact"] = Score.Failed(payload) } };

        var rows = WriteAndRead(dir, Log(everywhere, unscored));

        var row = rows.Single(r => r["id"] != "b");
        Assert.Multiple(() =>
        {
            foreach (var column in TextColumns)
            {
                Assert.That(row[column], Does.StartWith("'"), column);
                Assert.That(row[column].TrimStart('\'').TrimEnd(" | B".ToCharArray()), Does.Contain(payload.Trim()), column + " keeps the text after the quote");
            }

            Assert.That(rows.Single(r => r["id"] == "b")["exact.explanation"], Is.EqualTo("'" + payload), "a scorer's error message too");
            Assert.That(row["exact.value"], Is.EqualTo("0"), "a number stays a number");
        });
    }

    [TestCase("\u202E", "RIGHT-TO-LEFT OVERRIDE")]
    [TestCase("\u202A", "LEFT-TO-RIGHT EMBEDDING")]
    [TestCase("\u202B", "RIGHT-TO-LEFT EMBEDDING")]
    [TestCase("\u202C", "POP DIRECTIONAL FORMATTING")]
    [TestCase("\u202D", "LEFT-TO-RIGHT OVERRIDE")]
    [TestCase("\u2066", "LEFT-TO-RIGHT ISOLATE")]
    [TestCase("\u2067", "RIGHT-TO-LEFT ISOLATE")]
    [TestCase("\u2068", "FIRST STRONG ISOLATE")]
    [TestCase("\u2069", "POP DIRECTIONAL ISOLATE")]
    [TestCase("\u200E", "LEFT-TO-RIGHT MARK")]
    [TestCase("\u200F", "RIGHT-TO-LEFT MARK")]
    [TestCase("\u061C", "ARABIC LETTER MARK")]
    [TestCase("\u200B", "ZERO WIDTH SPACE")]
    [TestCase("\u200C", "ZERO WIDTH NON-JOINER")]
    [TestCase("\u200D", "ZERO WIDTH JOINER")]
    [TestCase("\u2060", "WORD JOINER")]
    [TestCase("\uFEFF", "ZERO WIDTH NO-BREAK SPACE")]
    [TestCase("\u0000", "NUL")]
    [TestCase("\u0007", "BELL")]
    [TestCase("\u001B", "ESCAPE")]
    [TestCase("\u007F", "DELETE")]
    [TestCase("\u0085", "NEXT LINE (C1)")]
    [TestCase("\u2028", "LINE SEPARATOR")]
    public void Invisible_and_reordering_characters_become_visible_escapes_in_every_text_column(string hidden, string name)
    {
        using var dir = new TempDirectory();
        var text = "答え" + hidden + "は" + hidden + "A";
        var record = Record("id" + hidden, 1, 0) with
        {
            Output = text,
            Targets = [text],
            Metadata = new Dictionary<string, string> { ["category"] = text },
            Scores = new Dictionary<string, Score> { ["exact"] = Score.Fail(text, "expected " + text) },
            Error = new SampleError("permanent", text),
        };

        var rows = WriteAndRead(dir, Log(record));

        var escape = $"\\u{(int)hidden[0]:X4}";
        var visible = "答え" + escape + "は" + escape + "A";
        Assert.Multiple(() =>
        {
            foreach (var column in new[] { "output", "targets", "category", "error_message" })
            {
                Assert.That(rows[0][column], Is.EqualTo(visible), $"{name} in {column}");
            }

            Assert.That(rows[0]["id"], Is.EqualTo("id" + escape));
            Assert.That(rows[0]["exact.explanation"], Is.EqualTo("expected " + visible));
            // Ordinal: culture-aware comparison ignores these very characters and would find them everywhere.
            Assert.That(File.ReadAllText(dir.Combine("samples.csv")).Contains(hidden, StringComparison.Ordinal), Is.False, $"no raw {name} anywhere in the file");
        });
    }

    [Test]
    public void A_formula_hidden_behind_an_invisible_character_is_shown_with_the_escape_and_cannot_run()
    {
        using var dir = new TempDirectory();

        var rows = WriteAndRead(dir, Log(Record("a", 1, 1) with { Output = "\u200B=HYPERLINK(\"http://evil\")", Targets = ["\u202E=1+1"] }));

        Assert.That(rows[0]["output"], Is.EqualTo("\\u200B=HYPERLINK(\"http://evil\")"), "starts with a backslash: text to every spreadsheet");
        Assert.That(rows[0]["targets"], Is.EqualTo("\\u202E=1+1"));
    }

    [Test]
    public void Japanese_text_tabs_and_line_breaks_in_an_answer_stay_exactly_as_the_model_wrote_them()
    {
        using var dir = new TempDirectory();
        const string Answer = "東京です。\n理由：\t首都だから。\r\n「日本語」・ｶﾀｶﾅ・한국어・😀\u3000全角スペース";

        var rows = WriteAndRead(dir, Log(Record("a", 1, 1) with { Output = Answer, Targets = ["東京"] }, Record("b", 1, 0)));

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0]["output"], Is.EqualTo(Answer));
        Assert.That(rows[0]["targets"], Is.EqualTo("東京"));
        Assert.That(File.ReadAllText(dir.Combine("samples.csv")), Does.Contain("\"東京です。\n理由：\t首都だから。\r\n"), "one quoted multi-line cell");
    }

    [Test]
    public void Text_that_merely_contains_a_formula_sign_is_left_as_it_is()
    {
        using var dir = new TempDirectory();
        var log = Log(Record("a", 1, 1) with { Output = "1 + 1 = 2, mail me@example.com" });

        var rows = WriteAndRead(dir, log);

        Assert.That(rows[0]["output"], Is.EqualTo("1 + 1 = 2, mail me@example.com"));
    }

    [Test]
    [SetCulture("de-DE")]
    public void Numbers_are_plain_invariant_numbers_even_when_negative_and_on_a_comma_decimal_machine()
    {
        using var dir = new TempDirectory();
        var log = Log(
            Record("a", 1, 0) with { LatencyMs = 412.7, Attempts = 2, Usage = new TokenUsage(95, 4, 99) },
            Record("b", 1, 1),
            Record("c", 1, -0.5),
            Record("d", 1, 0.25));

        var rows = WriteAndRead(dir, log);

        Assert.That(rows.Select(r => r["exact.value"]), Is.EqualTo(new[] { "0", "1", "-0.5", "0.25" }));
        Assert.That(rows[0]["latency_ms"], Is.EqualTo("412.7"));
        Assert.That(rows[0]["attempts"], Is.EqualTo("2"));
        Assert.That(rows[0]["input_tokens"], Is.EqualTo("95"));
        Assert.That(rows[0]["output_tokens"], Is.EqualTo("4"));
        Assert.That(rows[1]["latency_ms"], Is.Empty, "no latency recorded, no number invented");
        Assert.That(File.ReadAllText(dir.Combine("samples.csv")), Does.Not.Contain("'-0.5"));
    }

    [Test]
    public void Japanese_survives_the_round_trip_and_the_file_starts_with_a_byte_order_mark_for_Excel()
    {
        using var dir = new TempDirectory();
        var record = Record("ja-01", 1, 1) with
        {
            Input = [new PromptMessage("system", "日本語で答えてください。"), new PromptMessage("user", "例題"), new PromptMessage("assistant", "A"), new PromptMessage("user", "次の多肢選択問題に答えてください。")],
            Output = "答え：A",
            Choices = ["富士山", "北岳"],
            Metadata = new Dictionary<string, string> { ["language"] = "ja", ["risk"] = "misjudgment", ["perspective"] = "robustness" },
        };

        var rows = WriteAndRead(dir, Log(record));

        var bytes = File.ReadAllBytes(dir.Combine("samples.csv"));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.That(rows[0]["output"], Is.EqualTo("答え：A"));
        Assert.That(rows[0]["input"], Is.EqualTo("次の多肢選択問題に答えてください。"), "the last user message, not the system prompt or a few-shot turn");
        Assert.That(rows[0]["choices"], Is.EqualTo("富士山 | 北岳"));
        Assert.That(rows[0]["language"], Is.EqualTo("ja"));
        Assert.That(rows[0]["risk"], Is.EqualTo("misjudgment"));
        Assert.That(rows[0]["perspective"], Is.EqualTo("robustness"));
        Assert.That(rows[0]["category"], Is.Empty, "absent metadata is an empty cell");
    }

    [Test]
    public void Lines_end_in_CRLF_and_a_multi_line_answer_stays_in_one_cell()
    {
        using var dir = new TempDirectory();
        var rows = WriteAndRead(dir, Log(Record("a", 1, 1) with { Output = "line one\nline \"two\", with comma" }, Record("b", 1, 0)));

        var text = File.ReadAllText(dir.Combine("samples.csv"));
        var outsideCell = text.Replace("line one\nline", string.Empty, StringComparison.Ordinal);
        Assert.That(outsideCell.Count(c => c == '\n'), Is.EqualTo(3));
        Assert.That(outsideCell.Split("\r\n"), Has.Length.EqualTo(4), "header, two rows, and nothing after the last CRLF");
        Assert.That(rows[0]["output"], Is.EqualTo("line one\nline \"two\", with comma"));
        Assert.That(rows, Has.Count.EqualTo(2));
    }

    [TestCase("bare\nline feed")]
    [TestCase("bare\rcarriage return")]
    [TestCase(" leading and trailing spaces ")]
    [TestCase("comma, inside")]
    public void Any_line_break_or_separator_inside_a_cell_keeps_the_row_whole(string output)
    {
        using var dir = new TempDirectory();

        var rows = WriteAndRead(dir, Log(Record("a", 1, 1) with { Output = output }, Record("b", 1, 0)));

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0]["output"], Is.EqualTo(output));
        Assert.That(rows[1]["id"], Is.EqualTo("b"));
        Assert.That(rows[1]["exact.value"], Is.EqualTo("0"));
    }

    [Test]
    public void There_is_one_row_per_sample_and_epoch_with_a_value_and_explanation_column_per_scorer_of_any_suite()
    {
        using var dir = new TempDirectory();
        var first = Suite("first", epochs: 2) with { Scorers = [Scorer("exact"), Scorer("includes")] };
        var second = Suite("second", samples: 1) with { Scorers = [Scorer("includes"), Scorer("choice")] };
        var log = new RunLog
        {
            Header = Header(first, second),
            Samples =
            [
                Record("q2", 1, 1, suite: "first"),
                Record("z", 1, null, suite: "second") with
                {
                    Scores = new Dictionary<string, Score> { ["includes"] = Score.Fail("B", "expected A"), ["choice"] = Score.Failed("no letter found") },
                },
                Record("q1", 2, null, suite: "first", error: "HTTP 401: check the API key"),
                Record("q1", 1, 1, suite: "first") with { Scores = new Dictionary<string, Score> { ["exact"] = Score.Pass("A", "matched"), ["includes"] = Score.Pass("A", "found") } },
                Record("q2", 2, 0, suite: "first"),
            ],
        };

        var rows = WriteAndRead(dir, log, out var header);

        Assert.That(header, Is.EqualTo(new[]
        {
            "suite", "id", "epoch", "category", "risk", "perspective", "language", "input", "output", "targets", "choices",
            "exact.value", "exact.explanation", "includes.value", "includes.explanation", "choice.value", "choice.explanation",
            "error_kind", "error_message", "attempts", "cached", "latency_ms", "input_tokens", "output_tokens",
        }));
        Assert.That(rows.Select(r => $"{r["suite"]}/{r["id"]}/{r["epoch"]}"), Is.EqualTo(new[] { "first/q1/1", "first/q1/2", "first/q2/1", "first/q2/2", "second/z/1" }));
        Assert.That(rows[0]["exact.explanation"], Is.EqualTo("matched"));
        Assert.That(rows[0]["includes.value"], Is.EqualTo("1"));
        Assert.That(rows[1]["error_kind"], Is.EqualTo("permanent"));
        Assert.That(rows[1]["error_message"], Is.EqualTo("HTTP 401: check the API key"));
        Assert.That(rows[1]["exact.value"], Is.Empty);
        Assert.That(rows[1]["output"], Is.Empty);
        Assert.That(rows[4]["exact.value"], Is.Empty, "the second suite has no exact scorer");
        Assert.That(rows[4]["includes.value"], Is.EqualTo("0"));
        Assert.That(rows[4]["choice.value"], Is.Empty);
        Assert.That(rows[4]["choice.explanation"], Is.EqualTo("no letter found"), "a scorer's error explains its missing value");
        Assert.That(rows[4]["cached"], Is.EqualTo("false"));
    }

    [Test]
    public void The_csv_report_is_written_by_every_run()
    {
        Assert.That(Composition.Reporters().Reporters, Does.Contain(SamplesCsvReporter.Default));
        Assert.That(SamplesCsvReporter.Default.FileName, Is.EqualTo("samples.csv"));
    }

    private static ScorerHeader Scorer(string id) => new(id, id, [], ["accuracy"]);

    private static RunLog Log(params SampleRecord[] records) =>
        new() { Header = Header(Suite(samples: records.Length)), Samples = records };

    private static List<Dictionary<string, string>> WriteAndRead(TempDirectory dir, RunLog log) => WriteAndRead(dir, log, out _);

    private static List<Dictionary<string, string>> WriteAndRead(TempDirectory dir, RunLog log, out string[] header)
    {
        var path = dir.Combine("samples.csv");
        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);
        SamplesCsvReporter.Default.Write(new ReportInput(log, results), path);

        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in header)
            {
                row[name] = csv.GetField(name)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
