using System.Text.Json;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Coverage;

/// <summary><c>evalh coverage</c> on crafted suites: counts from the samples' own tags, what nothing covers, JSON, and bad suites.</summary>
[TestFixture]
public sealed class CoverageCommandTests
{
    /// <summary>
    /// Two suites: "claims" tags three bias items (two ja, one en; fairness) and one privacy item, and carries
    /// an untagged item; "quality" tags its two items japanese_language at suite level and claims no risk.
    /// </summary>
    private static (string Claims, string Quality) CraftedSuites(TempDirectory dir)
    {
        SuiteFiles.Write(dir, """
            name: claims
            language: ja
            dataset: data.jsonl
            scorers: [exact, includes]
            """, "data.jsonl", """
            {"id": "b1", "input": "q", "target": "a", "risk": "bias", "perspective": "fairness", "scorers": ["exact"]}
            {"id": "b2", "input": "q", "target": "a", "risk": "差別・偏見", "perspective": "fairness"}
            {"id": "b3", "input": "q", "target": "a", "risk": "bias", "perspective": "fairness", "language": "en"}
            {"id": "p1", "input": "q", "target": "a", "risk": "privacy", "perspective": "privacy", "scorers": ["includes"]}
            {"id": "u1", "input": "q", "target": "a"}
            """, folder: "claims");
        SuiteFiles.Write(dir, """
            name: quality
            language: ja
            dataset: data.jsonl
            metadata: {quality: japanese_language}
            scorers: [exact]
            """, "data.jsonl", """
            {"id": "k1", "input": "q", "target": "a"}
            {"id": "k2", "input": "q", "target": "a"}
            """, folder: "quality");
        return (dir.Combine("claims"), dir.Combine("quality"));
    }

    private static JsonElement Entry(JsonElement coverage, string kind, string id) =>
        coverage.GetProperty(kind).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    [Test]
    public async Task Json_counts_each_sample_only_for_the_tags_it_carries()
    {
        using var dir = new TempDirectory();
        var (claims, quality) = CraftedSuites(dir);

        var run = await CliRun.InvokeAsync(["coverage", claims, quality, "--format", "json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        var bias = Entry(root, "risks", "bias");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("evalharness.coverage/1"));
            Assert.That(root.GetProperty("samples").GetInt32(), Is.EqualTo(7), "every sample is counted, tagged or not");
            Assert.That(root.GetProperty("suites").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "claims", "quality" }));
            Assert.That(bias.GetProperty("samples").GetInt32(), Is.EqualTo(3), "the Japanese label counts as the id");
            Assert.That(bias.GetProperty("covered").GetBoolean(), Is.True);
            Assert.That(bias.GetProperty("languages").EnumerateArray().Select(l => (l.GetProperty("language").GetString(), l.GetProperty("samples").GetInt32())), Is.EqualTo(new[] { ("ja", 2), ("en", 1) }));
            Assert.That(bias.GetProperty("suites").EnumerateArray().Single().GetProperty("scorers").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "exact", "includes" }));
            Assert.That(bias.GetProperty("plan")[0].GetProperty("citation").GetString(), Is.EqualTo("Chapter 1 (Mitigating risks), paragraph 1"));
            Assert.That(bias.GetProperty("designed")[0].GetProperty("suite").GetString(), Is.EqualTo("bias"));
            Assert.That(bias.TryGetProperty("scored", out _), Is.False, "loaded suites are not a run: nothing is scored");
            Assert.That(Entry(root, "risks", "privacy").GetProperty("suites")[0].GetProperty("scorers").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "includes" }), "only the scorers the sample names");
            Assert.That(Entry(root, "perspectives", "fairness").GetProperty("samples").GetInt32(), Is.EqualTo(3));
            Assert.That(Entry(root, "quality", "japanese_language").GetProperty("samples").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("not_covered_risks").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[]
            {
                "hallucination", "misjudgment", "inappropriate_output", "criminal_use", "overreliance", "intellectual_property", "environmental_burden", "disinformation", "cyberattack",
            }));
            Assert.That(root.GetProperty("not_covered_perspectives").EnumerateArray().Select(s => s.GetString()).ToList(), Has.Count.EqualTo(8).And.No.Contains("fairness").And.No.Contains("privacy"));
        }
    }

    [Test]
    public async Task Text_prints_the_map_with_counts_and_a_list_of_what_no_suite_covers()
    {
        using var dir = new TempDirectory();
        var (claims, quality) = CraftedSuites(dir);

        var run = await CliRun.InvokeAsync(["coverage", claims, quality]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var lines = run.Out.Split('\n');
        int At(string text) => Array.FindIndex(lines, l => l.StartsWith(text, StringComparison.Ordinal));
        var bias = At("  bias: Discrimination and bias / 差別・偏見 [social]");
        Assert.That(bias, Is.GreaterThan(0), run.Out);
        Assert.That(lines[bias + 1], Does.StartWith("    plan:          Chapter 1 (Mitigating risks), paragraph 1;"));
        Assert.That(lines.Skip(bias).First(l => l.StartsWith("    samples:", StringComparison.Ordinal)), Is.EqualTo("    samples:       3 (ja 2, en 1) in claims 3 [exact, includes]"));
        var hallucination = At("  hallucination:");
        Assert.That(lines.Skip(hallucination).First(l => l.StartsWith("    samples:", StringComparison.Ordinal)), Is.EqualTo("    samples:       0: NOT COVERED"));
        Assert.That(lines.Skip(hallucination).First(l => l.StartsWith("    designed for:", StringComparison.Ordinal)), Does.EndWith("[not among these suites]"));
        Assert.That(run.Out, Does.Contain("  risks (9 of 11): hallucination, misjudgment, inappropriate_output, criminal_use, overreliance, intellectual_property, environmental_burden, disinformation, cyberattack"));
        Assert.That(run.Out, Does.Contain("    samples:       2 (ja 2) in quality 2 [exact]"));
        Assert.That(run.Out, Does.Contain("    why:           No suite measures it"), "environmental burden says why nothing covers it");
    }

    [Test]
    public async Task Out_writes_the_same_json_to_a_file()
    {
        using var dir = new TempDirectory();
        var (claims, _) = CraftedSuites(dir);
        var file = dir.Combine("coverage.json");

        var text = await CliRun.InvokeAsync(["coverage", claims, "--out", file]);
        var json = await CliRun.InvokeAsync(["coverage", claims, "--format", "json"]);

        Assert.That(text.ExitCode, Is.EqualTo(ExitCodes.Ok), text.All);
        Assert.That(text.Out, Does.StartWith("Coverage of the risks named in AI Basic Plan"));
        Assert.That(File.ReadAllText(file).Trim(), Is.EqualTo(json.Out.Trim()));
    }

    [Test]
    public async Task A_bad_suite_is_exit_code_2_with_one_line_per_problem_and_no_map()
    {
        using var dir = new TempDirectory();
        var (claims, _) = CraftedSuites(dir);
        var bad = SuiteFiles.Write(dir, SuiteFiles.MinimalSuite, "data.jsonl", "{\"input\": \"q\", \"target\": \"a\", \"risk\": \"halucination\"}\n", folder: "bad");

        var run = await CliRun.InvokeAsync(["coverage", claims, bad, "--format", "json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Out, Is.Empty);
        Assert.That(run.Error, Does.Match(@"data\.jsonl:1(:\d+)?: error: field 'risk': 'halucination' is not known \(did you mean 'hallucination'\?\)"));
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Without_arguments_it_reads_the_bundled_suites_where_smoke_claims_no_risk()
    {
        var run = await CliRun.InvokeAsync(["coverage", "--format", "json"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.That(root.GetProperty("suites").EnumerateArray().Select(s => s.GetString()), Does.Contain("smoke").And.Contain("japanese-quality"));
        var quality = Entry(root, "quality", "japanese_language");
        Assert.That(quality.GetProperty("suites").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("samples").GetInt32())), Is.EqualTo(new[] { ("japanese-quality", 78) }));
        foreach (var kind in new[] { "risks", "perspectives" })
        {
            var claimed = root.GetProperty(kind).EnumerateArray().SelectMany(e => e.GetProperty("suites").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
            Assert.That(claimed, Does.Not.Contain("smoke").And.Not.Contain("japanese-quality"), "the pipeline check and Japanese quality make no " + kind + " claim");
        }
    }

    [Test]
    public async Task Help_says_what_it_shows_and_that_no_model_is_called()
    {
        var run = await CliRun.InvokeAsync(["coverage", "--help"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Out, Does.Contain("AI Basic Plan").And.Contain("no model is called").And.Contain("--format").And.Contain("--out"));
    }
}
