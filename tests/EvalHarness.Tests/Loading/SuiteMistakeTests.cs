using EvalHarness.Cli;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading;

/// <summary>Common mistakes in suites and datasets: each reported once, where it was made, with what to do about it.</summary>
[TestFixture]
public sealed class SuiteMistakeTests
{
    private static (Suite? Suite, List<string> Errors) Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        var suite = Composition.SuiteLoader().Load(path, diagnostics);
        return (suite, diagnostics.Items.Select(d => d.ToString()).ToList());
    }

    [Test]
    public void A_typo_in_suite_metadata_is_reported_once_on_its_suite_yaml_line()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite + "\nmetadata:\n  category: general\n  risk: halucination\n", "data.jsonl",
            string.Concat(Enumerable.Range(1, 5).Select(i => $"{{\"input\": \"q{i}\", \"target\": \"a\"}}\n")));

        var (suite, errors) = Load(path);

        Assert.That(suite, Is.Null);
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", errors));
        Assert.That(errors[0], Is.EqualTo($"{path}:8:3: error: field 'metadata.risk': 'halucination' is not known (did you mean 'hallucination'?); use one of: hallucination, misjudgment, inappropriate_output, bias, criminal_use, overreliance, privacy, intellectual_property, environmental_burden, disinformation, cyberattack"));
    }

    [Test]
    public void Suite_metadata_labels_become_ids_and_a_sample_can_still_override_them()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite + "\nmetadata:\n  risk: Hallucination\n", "data.jsonl",
            "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n{\"id\": \"b\", \"input\": \"q\", \"target\": \"a\", \"risk\": \"Bias\"}\n{\"id\": \"c\", \"input\": \"q\", \"target\": \"a\", \"risk\": \"weather\"}\n");

        var (_, errors) = Load(path);
        Assert.That(errors.Single(), Does.Contain("data.jsonl:3: error: field 'risk': 'weather' is not known"), "a sample's own value is still checked, on its line");

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "data.jsonl"), "{\"id\": \"a\", \"input\": \"q\", \"target\": \"a\"}\n{\"id\": \"b\", \"input\": \"q\", \"target\": \"a\", \"risk\": \"Bias\"}\n");
        var (suite, none) = Load(path);
        Assert.That(none, Is.Empty);
        Assert.That(suite!.Samples.Select(s => s.Metadata["risk"]), Is.EqualTo(new[] { "hallucination", "bias" }));
    }

    [TestCase("name: t\ndataset: data.jsonl\nscorers:\n  - exact\ngenerate:\n\ttemperature: 0\n", 6, 1)]
    [TestCase("name: t\ndataset: data.jsonl\nscorers:\n  - exact\ngenerate:\n  max_tokens: 5\n  \ttemperature: 0\n", 7, 3)]
    public void A_tab_in_the_indentation_is_reported_on_the_tab_line(string yaml, int line, int column)
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, yaml, "data.jsonl", "{\"input\": \"q\", \"target\": \"a\"}\n");

        var (_, errors) = Load(path);

        Assert.That(errors.Single(), Is.EqualTo($"{path}:{line}:{column}: error: not valid YAML: a tab indents this line; YAML indents with spaces only"));
    }

    [Test]
    public void A_dataset_that_is_a_folder_says_so()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, "name: t\ndataset: data\nscorers: [exact]\n", Path.Combine("data", "data.jsonl"), "{\"input\": \"q\", \"target\": \"a\"}\n");

        var (_, errors) = Load(path);

        Assert.That(errors.Single(), Is.EqualTo($"{path}:2:1: error: field 'dataset.path': {dir.Combine("suite", "data")} is a directory; dataset.path must name the data file itself"));
    }

    [Test]
    public void An_empty_id_is_an_error_not_a_line_number_that_collides_with_a_real_id()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl",
            "{\"id\": \"1\", \"input\": \"q\", \"target\": \"a\"}\n{\"id\": \"\", \"input\": \"q\", \"target\": \"a\"}\n{\"id\": \"2\", \"input\": \"q\", \"target\": \"a\"}\n{\"id\": \"  \", \"input\": \"q\", \"target\": \"a\"}\n");

        var (suite, errors) = Load(path);

        Assert.That(suite, Is.Null);
        Assert.That(errors, Is.EqualTo(new[]
        {
            $"{dir.Combine("suite", "data.jsonl")}:2: error: field 'id': is empty; give every sample its own id, or leave the field out everywhere to number samples by position",
            $"{dir.Combine("suite", "data.jsonl")}:4: error: field 'id': is empty; give every sample its own id, or leave the field out everywhere to number samples by position",
        }), "no false 'duplicate' with the real ids 1 and 2");
    }

    [Test]
    public void An_empty_id_cell_in_a_csv_is_an_error_too()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, "name: t\ndataset: data.csv\nscorers: [exact]\n", "data.csv", "id,input,target\n1,q,a\n,q,a\n");

        var (_, errors) = Load(path);

        Assert.That(errors.Single(), Does.EndWith("data.csv:3: error: field 'id': is empty; give every sample its own id, or leave the field out everywhere to number samples by position"));
    }

    [Test]
    public void A_semicolon_csv_without_delimiter_gets_the_setting_to_add_once()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, "name: t\ndataset: data.csv\nscorers: [exact]\n", "data.csv", "id;input;target\n1;q;a\n2;q;b\n3;q;c\n");

        var (_, errors) = Load(path);

        Assert.That(errors.Single(), Does.EndWith("data.csv:1: error: the header row is a single column when split at commas, but 3 columns at semicolons: set dataset.delimiter: \";\""));

        File.WriteAllText(path, "name: t\ndataset: {path: data.csv, delimiter: \";\"}\nscorers: [exact]\n");
        Assert.That(Load(path).Errors, Is.Empty, "the advice works");
    }

    [Test]
    public void A_comma_separated_tsv_is_told_to_use_the_csv_format()
    {
        using var dir = new TempDirectory();
        var path = SuiteFiles.Write(dir, "name: t\ndataset: data.tsv\nscorers: [exact]\n", "data.tsv", "id,input,target\n1,q,a\n");

        var (_, errors) = Load(path);

        Assert.That(errors.Single(), Does.EndWith("data.tsv:1: error: the header row is a single column when split at tabs, but 3 columns at commas: the tsv format always reads tabs; set dataset.format: csv"));
    }
}
