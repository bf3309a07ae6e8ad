using EvalHarness.Loading;
using EvalHarness.Tests.Support;
using EvalHarness.Cli;

namespace EvalHarness.Tests.Loading.Formats;

[TestFixture]
public sealed class DatasetFormatCatalogTests
{
    private static readonly string[] AllNames = ["aisev", "answercarefully", "bbq", "csv", "elyza-tasks-100", "jcommonsenseqa", "jnli", "jsonl", "jsquad", "llm-jp-eval", "mt-bench-ja", "truthfulqa", "tsv"];

    [Test]
    public void The_catalogue_lists_every_format_with_a_description_and_the_extensions_it_infers()
    {
        var catalog = Composition.Catalog.Formats;

        Assert.That(catalog.All.Select(f => f.Name), Is.EqualTo(AllNames));
        Assert.That(catalog.All.Select(f => f.Description), Has.All.Length.GreaterThan(20));
        Assert.That(catalog.ForExtension(".jsonl")?.Name, Is.EqualTo("jsonl"));
        Assert.That(catalog.ForExtension(".NDJSON")?.Name, Is.EqualTo("jsonl"));
        Assert.That(catalog.ForExtension(".csv")?.Name, Is.EqualTo("csv"));
        Assert.That(catalog.ForExtension(".tsv")?.Name, Is.EqualTo("tsv"));
        Assert.That(catalog.ForExtension(".json"), Is.Null, "JGLUE's .json files are JSON Lines or SQuAD JSON: the name must say which");
    }

    [Test]
    public void An_unknown_format_is_an_error_that_lists_the_known_ones()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, """
            name: typo
            dataset:
              path: valid.json
              format: jsqaud
            scorers: [exact]
            """, "valid.json", "{}");

        Assert.That(suite, Is.Null);
        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "suite.yaml:4:3: error: field 'dataset.format': unknown format 'jsqaud' (did you mean 'jsquad'?); known formats: " + string.Join(", ", AllNames),
        }));
    }

    [Test]
    public void A_file_whose_extension_names_no_format_must_say_its_format()
    {
        using var dir = new TempDirectory();
        var (_, diagnostics) = FormatSuites.Load(dir, "name: noext\ndataset: valid.json\nscorers: [exact]\n", "valid.json", "{}");

        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "suite.yaml:2:1: error: field 'dataset.path': the extension '.json' does not say which format the file is in; set dataset.format to one of: " + string.Join(", ", AllNames),
        }));
    }

    [Test]
    public void A_field_mapping_is_refused_for_formats_that_name_their_own_fields()
    {
        using var dir = new TempDirectory();
        var (_, diagnostics) = FormatSuites.Load(dir, """
            name: mapped
            dataset:
              path: valid.json
              format: jnli
              fields: {input: sentence1}
            scorers: [choice]
            """, "valid.json", "{}");

        Assert.That(FormatSuites.Messages(diagnostics), Is.EqualTo(new[]
        {
            "suite.yaml:5:3: error: field 'dataset.fields': the jnli format names its own fields; dataset.fields applies only to csv, jsonl, tsv",
        }));
    }

    [Test]
    public void Tsv_files_stay_tab_separated_whatever_the_delimiter_says()
    {
        using var dir = new TempDirectory();
        var (suite, diagnostics) = FormatSuites.Load(dir, """
            name: tabs
            dataset: {path: items.tsv, delimiter: ";"}
            scorers: [exact]
            """, "items.tsv", "id\tinput\ttarget\na;1\t一たす一は？\t2\n");

        Assert.That(FormatSuites.Messages(diagnostics), Is.Empty);
        Assert.That(suite!.Samples.Single().Id, Is.EqualTo("a;1"));
    }
}
