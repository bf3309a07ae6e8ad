using System.Security.Cryptography;
using EvalHarness.Cli;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading;

[TestFixture]
public sealed class SuiteLoaderTests
{
    private static (Suite? Suite, DiagnosticBag Diagnostics) Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        return (Composition.SuiteLoader().Load(path, diagnostics), diagnostics);
    }

    [Test]
    public void A_jsonl_suite_loads_with_defaults_messages_and_hashes()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: demo
            version: "2"
            language: ja
            dataset: data.jsonl
            metadata:
              category: general
            scorers:
              - choice
              - name: exact
                id: strict
                options: {ignore_case: false}
            """, "data.jsonl", """
            {"id": "a", "input": "問題", "choices": ["x", "y"], "target": "B", "scorers": ["choice"]}
            {"id": 7, "input": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hi"}], "target": ["hello", "hi"], "scorers": ["strict"], "category": "chat", "language": "en"}
            """);

        var (suite, diagnostics) = Load(Path.GetDirectoryName(path)!);

        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(suite!.Name, Is.EqualTo("demo"));
        Assert.That(suite.Samples.Select(s => s.Id), Is.EqualTo(new[] { "a", "7" }));
        var first = suite.Samples[0];
        Assert.That(first.Input.Single(), Is.EqualTo(new PromptMessage("user", "問題")));
        Assert.That(first.Metadata["language"], Is.EqualTo("ja"), "suite language is the default");
        Assert.That(first.Metadata["category"], Is.EqualTo("general"), "suite metadata is the default");
        var second = suite.Samples[1];
        Assert.That(second.Input.Select(m => m.Role), Is.EqualTo(new[] { "system", "user" }));
        Assert.That(second.Targets, Is.EqualTo(new[] { "hello", "hi" }));
        Assert.That(second.Metadata["category"], Is.EqualTo("chat"), "a sample's own metadata wins");
        Assert.That(second.Language, Is.EqualTo("en"));
        Assert.That(suite.ScorersFor(second).Select(s => s.Id), Is.EqualTo(new[] { "strict" }));
        Assert.That(suite.Solver.Select(s => s.Name), Is.EqualTo(new[] { "generate" }), "a suite without solver steps just generates");
        Assert.That(suite.GroupBy, Is.EqualTo(new[] { "category", "language" }));
        var dataHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dir.Combine("suite", "data.jsonl"))));
        Assert.That(suite.Files.Select(f => f.Sha256), Does.Contain(dataHash));
    }

    [Test]
    public void A_csv_dataset_maps_columns_and_numbers_records_without_ids()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: csvsuite
            dataset:
              path: items.csv
              fields:
                input: question
                target: answer
                choices: [opt1, opt2, opt3]
            scorers: [choice]
            """, "items.csv", "question,opt1,opt2,opt3,answer,perspective\n\"Pick one,\nplease\",red,green,blue,B,公平性と包摂性\nSecond,a,b,,A,fairness\n");

        var (suite, diagnostics) = Load(path);

        Assert.That(diagnostics.Items, Is.Empty, string.Join("\n", diagnostics.Items));
        Assert.That(suite!.Samples.Select(s => s.Id), Is.EqualTo(new[] { "1", "2" }));
        Assert.That(suite.Samples[0].Input[0].Content, Is.EqualTo("Pick one,\nplease"));
        Assert.That(suite.Samples[0].Choices, Is.EqualTo(new[] { "red", "green", "blue" }));
        Assert.That(suite.Samples[1].Choices, Is.EqualTo(new[] { "a", "b" }), "empty option cells are dropped");
        Assert.That(suite.Samples.Select(s => s.Metadata["perspective"]), Is.All.EqualTo("fairness"), "J-AISI's Japanese label maps to the perspective id");
        Assert.That(suite.Samples[1].Line, Is.EqualTo(4), "the second record starts after the two-line cell");
    }

    [Test]
    public void Every_problem_is_reported_at_once_with_file_line_and_field()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: broken
            dataset: data.jsonl
            solver:
              - promt_template: "{prompt}"
            scorers:
              - name: exactt
              - choice
            epochs: {count: 0}
            colour: blue
            """, "data.jsonl", """
            {"id": "a", "input": "q", "choices": ["x", "y"], "target": "C"}
            {"id": "b", "input": "q", "choices": ["x", "y"], "target": "A"
            {"id": "a", "input": "again", "choices": ["x", "y"], "target": "A"}
            {"id": "c", "choices": ["x", "y"], "target": "A"}
            {"id": "d", "input": "q", "choices": ["x", "y"], "target": "A", "risk": "weather"}
            """);

        var (suite, diagnostics) = Load(path);
        var lines = diagnostics.Items.Select(d => d.ToString()).ToList();
        var text = string.Join("\n", lines);

        Assert.That(suite, Is.Null);
        Assert.That(lines, Has.Some.Contains("suite.yaml:4:").And.Contains("unknown solver step 'promt_template' (did you mean 'prompt_template'?)"), text);
        Assert.That(lines, Has.Some.Contains("suite.yaml:6:").And.Contains("field 'scorers[0].name': unknown scorer 'exactt' (did you mean 'exact'?)"), text);
        Assert.That(lines, Has.Some.Contains("field 'epochs.count': must be a whole number from 1 to 10000"), text);
        Assert.That(lines, Has.Some.Contains("suite.yaml:9:").And.Contains("field 'colour': unknown field"), text);
        Assert.That(lines, Has.Some.Contains("data.jsonl:2:").And.Contains("not valid JSON"), text);
        Assert.That(lines, Has.Some.Contains("data.jsonl:3:").And.Contains("duplicate sample id 'a' (first used on line 1)"), text);
        Assert.That(lines, Has.Some.Contains("data.jsonl:4:").And.Contains("field 'input': is required"), text);
        Assert.That(lines, Has.Some.Contains("data.jsonl:5:").And.Contains("field 'risk': 'weather' is not known"), text);
        Assert.That(diagnostics.Items.All(d => d.File.EndsWith("suite.yaml", StringComparison.Ordinal) || d.File.EndsWith("data.jsonl", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Sample_checks_run_once_the_data_parses()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, """
            name: checks
            dataset: data.jsonl
            solver:
              - prompt_template: "{prompt} ({difficulty})"
            scorers: [choice, numeric]
            """, "data.jsonl", """
            {"id": "a", "input": "q", "choices": ["x", "y", "z", "w"], "target": "E", "difficulty": "easy", "scorers": ["choice"]}
            {"id": "b", "input": "q", "target": "seven", "scorers": ["numeric"], "difficulty": "hard"}
            {"id": "c", "input": "q", "target": "7", "scorers": ["numeric"]}
            {"id": "d", "input": "q", "target": "7", "scorers": ["nope"], "difficulty": "hard"}
            """);

        var (_, diagnostics) = Load(path);
        var text = string.Join("\n", diagnostics.Items);

        Assert.That(text, Does.Contain("data.jsonl:1: error: field 'target': sample 'a', scorer 'choice': target 'E' is neither a letter from A to D nor the text of an option"));
        Assert.That(text, Does.Contain("data.jsonl:2: error: field 'target': sample 'b', scorer 'numeric': target 'seven' is not a number"));
        Assert.That(text, Does.Contain("data.jsonl:3: error: field 'difficulty': sample 'c': prompt_template uses {difficulty}, but this sample has no metadata field 'difficulty'"));
        Assert.That(text, Does.Contain("data.jsonl:4: error: field 'scorers': sample 'd' names scorer 'nope', which the suite does not define"));
    }

    [Test]
    public void A_missing_dataset_and_a_non_utf8_file_get_actionable_messages()
    {
        using var dir = new TempDirectory();
        var missing = dir.File("m/suite.yaml", "name: m\ndataset: nowhere.jsonl\nscorers: [exact]\n");
        var (_, missingDiagnostics) = Load(missing);
        Assert.That(missingDiagnostics.Items.Single().ToString(), Does.EndWith("nowhere.jsonl: error: field 'dataset.path': file not found"));

        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var sjis = System.Text.Encoding.GetEncoding("shift_jis");
        Directory.CreateDirectory(dir.Combine("j"));
        File.WriteAllBytes(dir.Combine("j", "data.csv"), sjis.GetBytes("id,input,target\n1,日本の首都は？,東京\n"));
        dir.File("j/suite.yaml", "name: j\ndataset: data.csv\nscorers: [includes]\n");
        var (_, sjisDiagnostics) = Load(dir.Combine("j"));
        Assert.That(sjisDiagnostics.Items.Single().Message, Does.Contain("not valid UTF-8").And.Contain("shift_jis"));
        Assert.That(sjisDiagnostics.Items.Single().Line, Is.EqualTo(2));

        dir.File("j/suite.yaml", "name: j\ndataset: {path: data.csv, encoding: shift_jis}\nscorers: [includes]\n");
        var (suite, ok) = Load(dir.Combine("j"));
        Assert.That(ok.Items, Is.Empty);
        Assert.That(suite!.Samples[0].Targets, Is.EqualTo(new[] { "東京" }));
    }

    [Test]
    public void Bad_chat_messages_name_the_offending_message()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", """
            {"id": "a", "input": [{"role": "robot", "content": "x"}], "target": "y"}
            {"id": "b", "input": [{"role": "system", "content": "x"}], "target": "y"}
            """);

        var (_, diagnostics) = Load(path);
        var text = string.Join("\n", diagnostics.Items);

        Assert.That(text, Does.Contain("data.jsonl:1: error: field 'input[0].role': 'robot' is not a role; use system, user or assistant"));
        Assert.That(text, Does.Contain("data.jsonl:2: error: field 'input': has no user message"));
    }
}
