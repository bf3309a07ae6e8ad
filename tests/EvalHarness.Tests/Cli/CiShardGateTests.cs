using System.Text.Json;
using System.Xml.Linq;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// The pipeline of docs/ci.md simulated here: 8 GitLab parallel jobs (CI_NODE_INDEX 1..8 of 8) run the smoke
/// suite with --shard auto, evalh merge joins them, and evalh gate decides on the merged run exactly as on an
/// unsharded run: exit 0 for a policy that holds, 1 for one that cannot, with gate.json, JUnit and the
/// GitHub step summary written either way.
/// </summary>
[TestFixture]
public sealed class CiShardGateTests : IDisposable
{
    // The smoke suite's demo accuracies are 0.8 to 1: a floor of 0 holds, one of 0.95 fails on includes (0.8). Its
    // scorers score 1 to 10 samples (exact applies to one), below the default min_samples of 10, so the policies lower it.
    private const string PassingPolicy = """
        version: 1
        min_samples: 1
        rules:
          - id: accuracy-floor
            threshold:
              metric: accuracy
              min: 0.0
        """;

    private const string FailingPolicy = """
        version: 1
        min_samples: 1
        rules:
          - id: accuracy-floor
            threshold:
              metric: accuracy
              min: 0.95
        """;

    private TempDirectory? _dir;
    private string _single = null!;
    private string _merged = null!;

    [OneTimeSetUp]
    public async Task Shard_merge_and_run_unsharded()
    {
        _dir = new TempDirectory();
        _single = Dir.Combine("single");
        _merged = Dir.Combine("merged");
        Dir.File("pass.yaml", PassingPolicy);
        Dir.File("fail.yaml", FailingPolicy);

        var single = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", _single]);
        Assert.That(single.ExitCode, Is.EqualTo(0), single.All);

        var shards = new List<string>();
        for (var i = 1; i <= 8; i++)
        {
            var shard = await CliRun.InvokeAsync(
                ["run", "smoke", "--model", "demo", "--shard", "auto", "--out", Dir.Combine($"shard-{i}")],
                new Dictionary<string, string> { ["CI_NODE_INDEX"] = $"{i}", ["CI_NODE_TOTAL"] = "8" },
                reportsRoot: Dir.Combine("reports"));
            Assert.That(shard.ExitCode, Is.EqualTo(0), shard.All);
            Assert.That(shard.Out, Does.Contain($"shard {i}/8 (CI_NODE_INDEX={i}, CI_NODE_TOTAL=8)"));
            shards.Add(Dir.Combine($"shard-{i}"));
        }

        var merge = await CliRun.InvokeAsync(["merge", .. shards, "--out", _merged]);
        Assert.That(merge.ExitCode, Is.EqualTo(0), merge.All);
        Assert.That(
            ResultsComparison.Substance(ResultsFile.Read(Path.Combine(_merged, "results.json"))),
            Is.EqualTo(ResultsComparison.Substance(ResultsFile.Read(Path.Combine(_single, "results.json")))),
            "the merged run is the unsharded run");
    }

    private TempDirectory Dir => _dir ?? throw new InvalidOperationException("the one-time set-up did not run");

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _dir?.Dispose();

    [Test]
    public async Task A_policy_that_holds_passes_the_merged_run_with_exit_0_gate_json_junit_and_the_step_summary()
    {
        var summary = Dir.File("summary-pass.md", "# earlier steps\n");

        var (gate, junit) = await Gate(_merged, "pass", summary);

        Assert.That(gate.ExitCode, Is.EqualTo(0), gate.All);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_merged, "gate.json"))))
        {
            Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object), "gate.json in the run directory");
        }

        Assert.That(junit.TestCases, Is.Not.Empty, "the rule is a JUnit test case");
        Assert.That(junit.Failed, Is.Empty, "nothing failed");
        var written = await File.ReadAllTextAsync(summary);
        Assert.That(written, Does.StartWith("# earlier steps\n"), "appended, not overwritten: other steps write there too");
        Assert.That(written.Length, Is.GreaterThan("# earlier steps\n".Length), "the gate's summary on the job page");
    }

    [Test]
    public async Task A_policy_that_cannot_hold_fails_the_merged_run_with_exit_1_and_a_junit_failure()
    {
        var (gate, junit) = await Gate(_merged, "fail", Dir.File("summary-fail.md", string.Empty));

        Assert.That(gate.ExitCode, Is.EqualTo(1), gate.All);
        Assert.That(junit.Failed, Is.Not.Empty, "the CI's test view shows the failed rule");
        Assert.That(File.Exists(Path.Combine(_merged, "gate.json")), Is.True, "the failed decision is recorded too");
    }

    [TestCase("pass")]
    [TestCase("fail")]
    public async Task The_gate_decides_on_eight_merged_shards_as_on_one_unsharded_run(string policy)
    {
        var (merged, mergedJunit) = await Gate(_merged, policy, Dir.File($"summary-merged-{policy}.md", string.Empty));
        var (single, singleJunit) = await Gate(_single, policy, Dir.File($"summary-single-{policy}.md", string.Empty));

        Assert.That(merged.ExitCode, Is.EqualTo(single.ExitCode), merged.All + single.All);
        Assert.That(merged.ExitCode, Is.EqualTo(policy == "pass" ? 0 : 1));
        Assert.That(mergedJunit.TestCases, Is.EqualTo(singleJunit.TestCases), "the same rules checked");
        Assert.That(mergedJunit.Failed, Is.EqualTo(singleJunit.Failed), "the same rules failed");
    }

    private async Task<(CliRun Gate, JUnit JUnit)> Gate(string run, string policy, string summary)
    {
        var junitPath = Dir.Combine($"junit-{Path.GetFileName(run)}-{policy}.xml");
        var gate = await CliRun.InvokeAsync(
            ["gate", run, "--policy", Dir.Combine($"{policy}.yaml"), "--junit", junitPath],
            new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary });
        Assert.That(File.Exists(junitPath), Is.True, $"--junit {junitPath} written: " + gate.All);
        return (gate, JUnit.Read(junitPath));
    }

    /// <summary>What a CI test view reads from a JUnit file: the test cases, and which of them failed.</summary>
    private sealed record JUnit(IReadOnlyList<string> TestCases, IReadOnlyList<string> Failed)
    {
        public static JUnit Read(string path)
        {
            var document = XDocument.Load(path);
            Assert.That(document.Root?.Name.LocalName, Is.EqualTo("testsuites").Or.EqualTo("testsuite"));
            var cases = document.Descendants("testcase").ToList();
            static string Name(XElement c) => $"{c.Attribute("classname")?.Value}/{c.Attribute("name")?.Value}";
            return new JUnit(
                cases.Select(Name).ToList(),
                cases.Where(c => c.Elements("failure").Any() || c.Elements("error").Any()).Select(Name).ToList());
        }
    }
}
