using System.Security.Cryptography;
using System.Text;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Solvers;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Judges;

/// <summary>User rubric files: what is read from them, and how a broken one is reported.</summary>
[TestFixture]
public sealed class RubricFileTests
{
    private const string Valid = """
        ---
        id: tone
        language: en
        description: Is the answer polite?
        system: You grade tone only.
        verdict:
          kind: labels
          labels:
            POLITE: 1
            RUDE: 0
        requires: [target]
        ---
        Question: {input}
        Reference: {target}
        <answer>
        {output}
        </answer>
        Literal braces: {{not a placeholder}}
        End with VERDICT: POLITE or RUDE.
        """;

    [Test]
    public void A_valid_file_is_read_with_its_hash_and_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("tone.en.md", Valid);
        var diagnostics = new DiagnosticBag();

        var rubric = RubricCatalog.LoadFile(path, diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(rubric, Is.Not.Null);
        Assert.That(rubric!.Id, Is.EqualTo("tone"));
        Assert.That(rubric.Language, Is.EqualTo("en"));
        Assert.That(rubric.Description, Is.EqualTo("Is the answer polite?"));
        Assert.That(rubric.System, Is.EqualTo("You grade tone only."));
        Assert.That(rubric.Verdict, Is.EqualTo(new LabelsGrammar([new("POLITE", 1), new("RUDE", 0)])));
        Assert.That(rubric.Requires, Is.EqualTo(new[] { "target" }));
        Assert.That(rubric.Template, Does.StartWith("Question: {input}\n"));
        Assert.That(rubric.Template, Does.EndWith("End with VERDICT: POLITE or RUDE."));
        Assert.That(rubric.Source, Is.EqualTo(path));
        Assert.That(rubric.IsBuiltIn, Is.False);
        Assert.That(rubric.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));
    }

    [Test]
    public void The_hash_covers_the_exact_bytes_so_an_edited_rubric_is_told_apart()
    {
        using var dir = new TempDirectory();
        var first = RubricCatalog.LoadFile(dir.File("a.md", Valid), new DiagnosticBag())!;
        var edited = RubricCatalog.LoadFile(dir.File("b.md", Valid.Replace("polite?", "polite? ", StringComparison.Ordinal)), new DiagnosticBag())!;
        var crlf = RubricCatalog.LoadFile(dir.File("c.md", Valid.Replace("\n", "\r\n", StringComparison.Ordinal)), new DiagnosticBag())!;

        Assert.That(first.Sha256, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(edited.Sha256, Is.Not.EqualTo(first.Sha256));
        Assert.That(crlf.Sha256, Is.Not.EqualTo(first.Sha256));
        Assert.That(crlf.Id, Is.EqualTo("tone"), "CRLF line ends are read like LF ones");
        Assert.That(crlf.Template, Is.EqualTo(first.Template), "the judge gets the same prompt");
    }

    [Test]
    public void A_scale_verdict_is_read()
    {
        var rubric = Parse(Valid
            .Replace("  kind: labels\n  labels:\n    POLITE: 1\n    RUDE: 0", "  kind: scale\n  min: 1\n  max: 7", StringComparison.Ordinal), out var diagnostics);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(rubric!.Verdict, Is.EqualTo(new ScaleGrammar(1, 7)));
    }

    [Test]
    public void The_scanner_finds_exactly_the_placeholders_the_prompt_template_fills()
    {
        const string tricky = "{input} {{output}} {{{target}}} {not closed {context}} {9bad} {a.b-c} }} {criteria}";

        var names = TemplateScanner.Placeholders(tricky).Select(p => p.Name).Distinct().ToList();

        Assert.That(names, Is.EqualTo(new PromptTemplate(tricky).Placeholders));
    }

    [Test]
    public void An_unknown_placeholder_names_file_line_and_placeholder()
    {
        var text = Valid.Replace("Reference: {target}", "Reference: {target}\nJudge by {critera}.", StringComparison.Ordinal);

        var rubric = Parse(text, out var diagnostics, "rubrics/tone.md");

        Assert.That(rubric, Is.Null);
        var d = diagnostics.Items.Single();
        Assert.That(d.File, Is.EqualTo("rubrics/tone.md"));
        Assert.That(d.Line, Is.EqualTo(15));
        Assert.That(d.Column, Is.EqualTo(10));
        Assert.That(d.Field, Is.EqualTo("template"));
        Assert.That(d.Message, Does.StartWith("unknown placeholder {critera} (did you mean {criteria}?)"));
    }

    [TestCase("id: Tone_1", "id", 2, "must be lower-case letters, digits and '-'")]
    [TestCase("language: fr", "language", 3, "must be ja or en")]
    [TestCase("description: ''", "description", 4, "must not be empty")]
    [TestCase("requires: [reference]", "requires", 11, "'reference' is not a sample field a rubric can require")]
    [TestCase("requires: [target, context]", "requires", 11, "lists context, but the template never uses {context}")]
    [TestCase("requires: []", "requires", 14, "the template uses {target}, so requires must list target")]
    [TestCase("system: Compare {output} with the reference.", "system", 5, "is sent as written, so {output} would reach the judge literally")]
    [TestCase("    POLITE: high", "verdict.labels.POLITE", 9, "must be a number")]
    [TestCase("    RUDE: 0\n    rude: 0", "verdict.labels.rude", 11, "differs from 'RUDE' only in case")]
    [TestCase("    RUDE: 0\n    NOT SURE: 0.5", "verdict.labels.NOT SURE", 11, "a label is an ASCII word")]
    [TestCase("  kind: stars", "verdict.kind", 7, "must be labels (a fixed set of verdicts, each with a value) or scale")]
    [TestCase("    RUDE: 0\n  max: 3", "verdict.max", 11, "unknown field")]
    [TestCase("rubric: tone", "rubric", 12, "unknown field")]
    public void A_bad_front_matter_field_is_reported_with_its_line(string replacement, string field, int line, string message)
    {
        var text = Substitute(Valid, replacement);

        var rubric = Parse(text, out var diagnostics);

        Assert.That(rubric, Is.Null);
        var d = diagnostics.Items.FirstOrDefault(i => i.Field == field);
        Assert.That(d, Is.Not.Null, string.Join("\n", diagnostics.Items));
        Assert.That(d!.Message, Does.StartWith(message));
        Assert.That(d.Line, Is.EqualTo(line), d.ToString());
        Assert.That(d.File, Is.EqualTo("tone.md"));
    }

    [TestCase("id", "is required")]
    [TestCase("language", "is required")]
    [TestCase("description", "is required")]
    [TestCase("verdict", "is required")]
    public void A_missing_required_field_is_reported(string field, string message)
    {
        var lines = Valid.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        lines.RemoveAt(at);
        if (field == "verdict")
        {
            lines.RemoveRange(at, 4);
        }

        Parse(string.Join('\n', lines), out var diagnostics);

        Assert.That(diagnostics.Items.Select(d => (d.Field, d.Message)), Does.Contain(((string?)field, message)));
    }

    [Test]
    public void A_scale_whose_maximum_is_not_above_its_minimum_is_refused()
    {
        var text = Valid.Replace("  kind: labels\n  labels:\n    POLITE: 1\n    RUDE: 0", "  kind: scale\n  min: 5\n  max: 5", StringComparison.Ordinal);

        Parse(text, out var diagnostics);

        Assert.That(diagnostics.Items.Single().ToString(), Is.EqualTo("tone.md:9:3: error: field 'verdict.max': must be greater than min"));
    }

    [Test]
    public void A_template_that_never_shows_the_answer_is_refused()
    {
        Parse(Valid.Replace("{output}", "(the answer)", StringComparison.Ordinal), out var diagnostics);

        Assert.That(diagnostics.Items.Single().Message, Is.EqualTo("the template never shows the judge the answer: it must use {output}"));
    }

    [TestCase("id: tone\nlanguage: en\n", 1, "a rubric file starts with a '---' line")]
    [TestCase("---\nid: tone\nlanguage: en\n", 1, "the front matter opened on line 1 is never closed by a '---' line")]
    [TestCase("---\n\n---\n{output}\n", 1, "the front matter is empty")]
    [TestCase("---\n- id\n---\n{output}\n", 2, "the front matter must be a mapping")]
    [TestCase("---\nid: [tone\n---\n{output}\n", 3, "not valid YAML")]
    public void A_file_without_proper_front_matter_is_reported(string text, int line, string message)
    {
        Parse(text, out var diagnostics);

        var d = diagnostics.Items[0];
        Assert.That(d.Message, Does.StartWith(message));
        Assert.That(d.Line, Is.EqualTo(line), d.ToString());
    }

    [Test]
    public void An_empty_template_is_reported()
    {
        var text = Valid[..(Valid.LastIndexOf("---", StringComparison.Ordinal) + 3)] + "\n\n";

        Parse(text, out var diagnostics);

        Assert.That(diagnostics.Items.Select(d => d.Message), Does.Contain("the prompt template after the front matter is empty"));
    }

    [Test]
    public void Every_problem_is_reported_in_one_pass()
    {
        var text = Substitute(Substitute(Valid, "language: fr"), "id: Tone").Replace("{input}", "{question}", StringComparison.Ordinal);

        Parse(text, out var diagnostics);

        Assert.That(diagnostics.Items.Select(d => d.Field), Is.EquivalentTo(new[] { "id", "language", "template" }));
    }

    [Test]
    public void Bytes_that_are_not_UTF8_are_reported()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid).Concat(new byte[] { 0x82, 0xA0 }).ToArray();
        var diagnostics = new DiagnosticBag();

        var rubric = RubricParser.Parse(bytes, "tone.md", "tone.md", diagnostics);

        Assert.That(rubric, Is.Null);
        Assert.That(diagnostics.Items.Single().Message, Does.StartWith("is not valid UTF-8"));
    }

    [Test]
    public void A_missing_file_or_a_directory_is_a_diagnostic_not_an_exception()
    {
        using var dir = new TempDirectory();
        var diagnostics = new DiagnosticBag();

        Assert.That(RubricCatalog.LoadFile(dir.Combine("nope.md"), diagnostics), Is.Null);
        Assert.That(RubricCatalog.LoadFile(dir.Path, diagnostics), Is.Null);

        Assert.That(RubricCatalog.LoadFile("", diagnostics), Is.Null);

        Assert.That(diagnostics.Items.Select(d => d.Message), Is.EqualTo(new[] { "file not found", "is a directory, not a rubric file", "is not a valid file path" }));
    }

    [Test]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.md", Valid + new string('x', (int)RubricCatalog.MaxFileBytes));
        var diagnostics = new DiagnosticBag();

        Assert.That(RubricCatalog.LoadFile(path, diagnostics), Is.Null);
        Assert.That(diagnostics.Items.Single().Message, Does.Contain("a rubric file may hold at most"));
    }

    /// <summary>Replaces the line that starts like <paramref name="replacement"/>'s first line (its key).</summary>
    private static string Substitute(string text, string replacement)
    {
        var key = replacement.Split('\n')[0];
        key = key[..(key.IndexOf(':', StringComparison.Ordinal) + 1)];
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.StartsWith(key, StringComparison.Ordinal));
        if (at < 0)
        {
            // A new key goes just before the closing '---'.
            at = lines.IndexOf("---", 1);
            lines.Insert(at, replacement);
        }
        else
        {
            lines[at] = replacement;
        }

        return string.Join('\n', lines);
    }

    private static Rubric? Parse(string text, out DiagnosticBag diagnostics, string file = "tone.md")
    {
        diagnostics = new DiagnosticBag();
        return RubricParser.Parse(Encoding.UTF8.GetBytes(text), file, file, diagnostics);
    }
}
