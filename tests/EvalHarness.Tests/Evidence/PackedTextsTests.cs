using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Tests.Rescoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

/// <summary>The rubrics that judged and the answers that came from the cache are part of the evidence.</summary>
[TestFixture]
public sealed class PackedTextsTests
{
    [Test]
    public async Task A_built_in_rubric_is_packed_with_the_hash_the_log_recorded_and_checked()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir), model, judge);
        var zip = dir.Combine("evidence.zip");

        var pack = await EvidenceRun.PackAsync(run, zip);
        var clean = await EvidenceRun.VerifyAsync(zip);

        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        Assert.That(clean.ExitCode, Is.EqualTo(0), clean.All);
        Assert.That(clean.Out, Does.Contain("scorer texts (rubrics) against the SHA-256 in the run log"));
        var entries = ZipFiles.Read(zip).ToDictionary(e => e.Name, e => e.Data);
        var resource = JsonNode.Parse(entries["manifest.json"])!["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "rubric requirement (en)")!;
        Assert.That(resource["entry"]!.GetValue<string>(), Is.EqualTo("rubrics/req/requirement.en.md"));
        Assert.That(resource["source"]!.GetValue<string>(), Is.EqualTo("built-in"));
        Assert.That(Hashing.Sha256(entries["rubrics/req/requirement.en.md"]), Is.EqualTo(resource["sha256"]!.GetValue<string>()));

        ZipFiles.Change(zip, "rubrics/req/requirement.en.md", bytes => [.. bytes, (byte)'\n']);
        var tampered = await EvidenceRun.VerifyAsync(zip);
        Assert.That(tampered.ExitCode, Is.EqualTo(1));
        Assert.That(tampered.Out, Does.Contain("DIFF  rubrics/req/requirement.en.md: altered after packing")
            .And.Contain("DIFF  rubrics/req/requirement.en.md: rubric requirement (en) of scorer 'req' is not the text the log header recorded"));
    }

    [Test]
    public async Task A_user_rubric_is_packed_from_its_file_and_a_vanished_one_is_listed_as_missing()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(JudgedSuite.Model);
        await using var judge = await FakeOpenAiServer.StartAsync(JudgedSuite.Judge);
        var run = await JudgedSuite.RunAsync(dir, JudgedSuite.Write(dir, "strict.md"), model, judge);
        var zip = dir.Combine("evidence.zip");
        var without = dir.Combine("without.zip");

        var pack = await EvidenceRun.PackAsync(run, zip);
        File.Delete(dir.Combine("suite", "strict.md"));
        var packWithout = await EvidenceRun.PackAsync(run, without);
        var verifyWithout = await EvidenceRun.VerifyAsync(without);

        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        Assert.That(ZipFiles.Read(zip).Select(e => e.Name), Does.Contain("rubrics/req/strict.md"));
        Assert.That(packWithout.ExitCode, Is.EqualTo(0), packWithout.All);
        Assert.That(packWithout.Out, Does.Contain("note: not packed: rubric strict (en) of scorer 'req' in suite 'judged'"));
        var manifest = JsonNode.Parse(ZipFiles.Read(without).Single(e => e.Name == "manifest.json").Data)!;
        Assert.That(manifest["resources"]![0]!["entry"], Is.Null);
        Assert.That(manifest["missing"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(verifyWithout.ExitCode, Is.EqualTo(0), verifyWithout.All);
        Assert.That(verifyWithout.Out, Does.Contain("not packed rubric strict (en) of scorer 'req'"));
    }

    [Test]
    public async Task Answers_from_the_response_cache_are_counted_and_checked_against_the_log()
    {
        using var dir = new TempDirectory();
        await using var model = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("A"));
        var cache = dir.Combine("cache");
        foreach (var name in new[] { "first", "second" })
        {
            var result = await CliRun.InvokeAsync(["run", "smoke", "--model", "openai/answer-model", "--base-url", model.BaseUrl.ToString(), "--max-retries", "0", "--cache-dir", cache, "--out", dir.Combine(name)]);
            Assert.That(result.ExitCode, Is.EqualTo(0), result.All);
        }

        var zip = dir.Combine("evidence.zip");
        Assert.That((await EvidenceRun.PackAsync(dir.Combine("second"), zip)).ExitCode, Is.EqualTo(0));
        var manifest = JsonNode.Parse(ZipFiles.Read(zip).Single(e => e.Name == "manifest.json").Data)!;
        var cached = manifest["cache"]!["cached_samples"]!.GetValue<int>();
        var clean = await EvidenceRun.VerifyAsync(zip);
        ZipFiles.ChangeText(zip, "manifest.json", text => text.Replace($"\"cached_samples\": {cached}", "\"cached_samples\": 0", StringComparison.Ordinal));
        var tampered = await EvidenceRun.VerifyAsync(zip);

        Assert.That(cached, Is.EqualTo(24), "the second run answered every sample from the cache");
        var firstRun = JsonNode.Parse(File.ReadLines(Path.Combine(dir.Combine("first"), "log.jsonl")).First())!["run_id"]!.GetValue<string>();
        Assert.That(manifest["cache"]!["from_runs"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { firstRun }), "the run that first asked the model");
        Assert.That(clean.Out, Does.Contain($"(first asked in run {firstRun})"));
        Assert.That(clean.Out, Does.Contain("24 answers from the response cache"));
        Assert.That(tampered.ExitCode, Is.EqualTo(1), tampered.All);
        Assert.That(tampered.Out, Does.Contain("DIFF  manifest.json: 0 cached answers, but the log marks 24"));
        var answers = manifest["cache"]!["answers"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.That(answers, Has.Count.EqualTo(24).And.All.StartWith("smoke/").And.All.EndWith("#1"), "which answers came from the cache");
    }
}
