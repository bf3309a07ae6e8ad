using System.Text.RegularExpressions;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Judges;

/// <summary>Users copy docs/judges.md: its example rubric file must load, and its verdict table must say what the reader does.</summary>
[TestFixture]
public sealed partial class JudgesDocTests
{
    private static string Page => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "judges.md"));

    [Test]
    public void The_example_rubric_file_loads_without_a_problem()
    {
        using var dir = new TempDirectory();
        var example = MarkdownBlock().Matches(Page).Single().Groups["body"].Value;
        var path = dir.File("tone.md", example);
        var diagnostics = new DiagnosticBag();

        var rubric = RubricCatalog.LoadFile(path, diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That((rubric!.Id, rubric.Language, rubric.Verdict.Describe()), Is.EqualTo(("tone", "en", "POLITE or RUDE")));
        Assert.That(rubric.Requires, Is.EqualTo(new[] { "target" }));
    }

    [Test]
    public void Every_reply_in_the_verdict_table_is_read_as_the_table_says()
    {
        var table = VerdictTable().Match(Page).Groups["rows"].Value;
        var rows = VerdictRow().Matches(table).ToList();
        Assert.That(table.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(rows.Count), "every row has the form | `reply` (rubric) | read as |");
        Assert.That(rows, Has.Count.GreaterThanOrEqualTo(15), "the table was found");

        foreach (var row in rows)
        {
            var reply = row.Groups["reply"].Value;
            var expected = row.Groups["read"].Value;
            Assert.That(RubricCatalog.BuiltIn.TryGet(row.Groups["rubric"].Value, "en", out var rubric), Is.True, reply);
            var verdict = rubric!.Verdict.Parse(reply);
            if (expected.StartsWith("error: ", StringComparison.Ordinal))
            {
                Assert.That(verdict.IsValid, Is.False, reply);
                Assert.That(verdict.Error, Does.Contain(expected["error: ".Length..]), reply);
            }
            else
            {
                Assert.That(verdict.Error, Is.Null, reply);
                Assert.That(verdict.Label ?? verdict.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected), reply);
            }
        }
    }

    [GeneratedRegex("```markdown\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MarkdownBlock();

    [GeneratedRegex(@"\| the judge replies \(rubric\) \| read as \|\n\| --- \| --- \|\n(?<rows>(?:\|[^\n]*\n)+)")]
    private static partial Regex VerdictTable();

    [GeneratedRegex(@"^\| `(?<reply>[^`]+)` \((?<rubric>[a-z-]+)\) \| (?<read>[^|]+?) \|$", RegexOptions.Multiline)]
    private static partial Regex VerdictRow();
}
