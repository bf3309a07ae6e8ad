using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Cli.Commands;
using EvalHarness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// docs/ci.md is copied into pipelines as it is: every YAML example must parse, every evalh command in it
/// must be accepted by the real command line, and the numbers and paths that tie the jobs together must agree.
/// </summary>
[TestFixture]
public sealed partial class CiDocsTests
{
    private static CiDocsPage Page => CiDocsPage.Current;

    private static IEnumerable<TestCaseData> EveryCommand() =>
        Page.Commands().Select(c => new TestCaseData(c).SetArgDisplayNames($"{c.Source} evalh {string.Join(' ', c.Words)}"));

    [Test]
    public void Every_yaml_block_parses()
    {
        var blocks = Page.YamlBlocks.ToList();

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(4), "GitHub, GitLab and the two Kubernetes files at least");
        foreach (var (body, line) in blocks)
        {
            Assert.That(() => CiDocsPage.Parse(body), Throws.Nothing, $"docs/ci.md:{line}");
            Assert.That(CiDocsPage.Parse(body), Is.Not.Empty, $"docs/ci.md:{line}");
        }
    }

    [TestCaseSource(nameof(EveryCommand))]
    public void The_command_is_accepted_by_evalh(object command)
    {
        var ci = (CiDocsCommand)command;
        using var output = new StringWriter();
        var parse = new CliApp(new CliEnvironment { Out = output, Error = output, Variables = ci.Variables.GetValueOrDefault }).BuildRoot().Parse([.. ci.Args]);

        var errors = UnknownOptions.Find(parse).Concat(parse.Errors.Select(e => e.Message)).ToList();

        Assert.That(errors, Is.Empty, $"{ci}\nas run: evalh {string.Join(' ', ci.Args)}\nwith {string.Join(", ", ci.Variables.Select(v => $"{v.Key}={v.Value}"))}");
        Assert.That(parse.CommandResult.Command.Name, Is.EqualTo(ci.Name), "the subcommand itself, not a word the root took as an argument");
    }

    [Test]
    public async Task Every_flag_the_page_names_in_prose_or_code_is_an_evalh_flag()
    {
        // Flags of the other programs the page runs: kubectl, gh, apt-get, docker's COPY --from.
        HashSet<string> otherPrograms = ["--for", "--pod-running-timeout", "--from-literal", "--workflow", "--branch", "--status", "--json", "--jq", "--no-install-recommends", "--from"];
        var help = new List<string>();
        foreach (var command in new[] { "run", "merge", "gate", "report", "compare" })
        {
            help.Add((await CliRun.InvokeAsync([command, "--help"])).Out);
        }

        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ci.md"));
        var named = Flag().Matches(text).Select(m => m.Value).Distinct().Where(f => !otherPrograms.Contains(f)).ToList();

        Assert.That(named, Does.Contain("--shard").And.Contain("--policy").And.Contain("--resume"));
        Assert.That(named.Where(f => !Regex.IsMatch(string.Join('\n', help), Regex.Escape(f) + @"(?![a-z-])")), Is.Empty, "flags docs/ci.md names that no evalh command has");
    }

    [Test]
    public void Each_example_runs_every_step_from_shards_to_report()
    {
        var commands = CiDocsPage.Commands(new YamlSequenceNode([GitHub(), GitLab(), .. KubernetesShards(), .. KubernetesMerge()]));
        foreach (var example in new[] { "GitHub", "GitLab", "Kubernetes" })
        {
            var names = example switch
            {
                "GitHub" => CiDocsPage.Commands(GitHub()).Select(c => c.Name),
                "GitLab" => CiDocsPage.Commands(GitLab()).Select(c => c.Name),
                _ => CiDocsPage.Commands(new YamlSequenceNode(KubernetesShards().Concat(KubernetesMerge()))).Select(c => c.Name),
            };
            Assert.That(names, Is.SupersetOf(new[] { "run", "merge", "gate", "report" }), example);
        }

        Assert.That(commands.Where(c => c.Name == "run" && c.Value("--resume") is null).Select(c => c.Value("--shard")), Has.All.StartWith("auto"), "every pipeline shards with --shard auto");
        Assert.That(commands.Where(c => c.Name == "gate").Select(c => (c.Value("--policy"), c.Value("--baseline"))),
            Has.All.EqualTo(("suites/policies/procurement.yaml", "baselines/accepted")), "one policy and one baseline throughout");
        Assert.That(commands.Where(c => c.Name == "report").Select(c => c.Value("--compare")), Has.All.EqualTo("baselines/accepted"), "the report compares with the gate's baseline");
    }

    [Test]
    public void GitHub_matrix_count_is_the_shard_count_and_each_shard_uploads_its_own_directory()
    {
        var shard = GitHub().At("jobs", "shard");
        var matrix = shard.Items("strategy", "matrix", "shard").Select(n => int.Parse(((YamlScalarNode)n).Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var count = int.Parse(shard.Text("env", "EVALH_SHARD_COUNT"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(matrix, Is.EqualTo(Enumerable.Range(1, count)), "the matrix lists shards 1..EVALH_SHARD_COUNT, 1-based");
        Assert.That(shard.Text("env", "EVALH_SHARD_INDEX"), Is.EqualTo("${{ matrix.shard }}"));

        var run = CiDocsPage.Commands(shard).Single(c => c.Name == "run");
        Assert.That(run.Value("--shard"), Is.EqualTo("auto"), "the count comes from EVALH_SHARD_COUNT, not from a second number to keep in step");
        var upload = Steps(shard).Single(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.That(upload.Text("with", "path").Replace("${{ matrix.shard }}", "1", StringComparison.Ordinal),
            Is.EqualTo(run.Value("--out")!.Replace("$EVALH_SHARD_INDEX", "1", StringComparison.Ordinal)), "the artifact is the directory the shard wrote");
        Assert.That(upload.Text("with", "name"), Does.Contain("${{ matrix.shard }}"), "one artifact per shard");
    }

    [Test]
    public void GitHub_merge_needs_the_shards_gates_and_publishes_the_report_and_junit_even_when_the_gate_fails()
    {
        var merge = GitHub().At("jobs", "merge");
        var steps = Steps(merge);
        var commands = CiDocsPage.Commands(merge);

        Assert.That(merge.Strings("needs"), Does.Contain("shard"));
        var download = steps.Single(s => Uses(s).StartsWith("actions/download-artifact@", StringComparison.Ordinal) && s.At("with").Find("pattern") is not null);
        Assert.That(download.Text("with", "pattern"), Is.EqualTo("shard-*"));
        Assert.That(commands.Single(c => c.Name == "merge").Positionals("--out"), Is.EqualTo(new[] { download.Text("with", "path") + "/shard-*" }), "the merge reads every downloaded shard");

        var gate = commands.Single(c => c.Name == "gate");
        var gateStep = steps.Single(s => CiDocsPage.Commands(s).Any(c => c.Name == "gate"));
        Assert.That(gateStep.Find("if"), Is.Null, "the gate runs after a successful merge and its exit code fails the job");
        Assert.That(gateStep.Find("continue-on-error"), Is.Null);

        var junit = steps.Single(s => Uses(s).StartsWith("mikepenz/action-junit-report@", StringComparison.Ordinal));
        Assert.That(junit.Text("with", "report_paths"), Is.EqualTo(gate.Value("--junit")), "the JUnit file the gate writes is the one published");
        Assert.That(merge.Text("permissions", "checks"), Is.EqualTo("write"), "the JUnit action creates a check run");

        var afterGate = steps.SkipWhile(s => s != gateStep).Skip(1).ToList();
        Assert.That(afterGate.Select(s => CiDocsPage.Commands(s) is [var first, ..] ? first.Name : Uses(s)),
            Is.EqualTo(new[] { "report", "actions/upload-artifact@v4", "mikepenz/action-junit-report@v5" }));
        Assert.That(afterGate.Select(s => s.Text("if")), Has.All.Contain("!cancelled()").Or.Contain("always()"), "published when the gate failed");
        Assert.That(steps.Single(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal)).Text("with", "path"),
            Is.EqualTo(commands.Single(c => c.Name == "report").Positionals("--compare", "--out").Single()), "the uploaded directory holds the report");
    }

    [Test]
    public void GitHub_keys_come_from_secrets_through_env_never_a_command_line()
    {
        var jobs = GitHub().At("jobs");
        var runScripts = jobs.Entries().SelectMany(j => Steps(j.Value)).Select(s => s.Find("run")).OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList();

        Assert.That(runScripts, Is.Not.Empty);
        Assert.That(runScripts, Has.None.Contain("secrets."), "a secret in a command line can end up in logs");
        var evaluate = Steps(jobs.At("shard")).Single(s => CiDocsPage.Commands(s).Any(c => c.Name == "run"));
        Assert.That(evaluate.Text("env", "OPENAI_API_KEY"), Is.EqualTo("${{ secrets.OPENAI_API_KEY }}"));
        Assert.That(evaluate.Text("env", "JUDGE_API_KEY"), Is.EqualTo("${{ secrets.JUDGE_API_KEY }}"));
        Assert.That(CiDocsPage.Commands(evaluate).Single().Value("--judge-api-key-env"), Is.EqualTo("JUDGE_API_KEY"));
    }

    [Test]
    public void GitLab_parallel_jobs_shard_by_their_own_variables_and_the_gate_job_needs_them_and_reports_junit()
    {
        var gitLab = GitLab();
        var (shardJobName, shardJob) = gitLab.Entries().Single(j => j.Value.Find("parallel") is not null);
        var parallel = int.Parse(shardJob.Text("parallel"), System.Globalization.CultureInfo.InvariantCulture);
        var run = CiDocsPage.Commands(shardJob).Single(c => c.Name == "run");

        Assert.That(parallel, Is.GreaterThan(1));
        Assert.That(run.Value("--shard"), Is.EqualTo("auto").Or.EqualTo($"auto/{parallel}"), "CI_NODE_TOTAL carries the parallel count");
        Assert.That(run.Value("--out"), Does.Contain("$CI_NODE_INDEX"));
        Assert.That(shardJob.Strings("artifacts", "paths").Select(p => p.TrimEnd('/')), Does.Contain(run.Value("--out")), "each job keeps the directory it wrote");

        var (_, gateJob) = gitLab.Entries().Single(j => j.Value.Find("script") is { } s && CiDocsPage.Commands(s).Any(c => c.Name == "gate"));
        Assert.That(gateJob.Strings("needs"), Does.Contain(shardJobName));
        var script = gateJob.Strings("script");
        var commands = CiDocsPage.Commands(gateJob.At("script"));
        Assert.That(commands.Select(c => c.Name), Is.EqualTo(new[] { "merge", "gate", "report" }));
        Assert.That(commands[0].Positionals("--out"), Is.EqualTo(new[] { "shard-*" }));
        Assert.That(gateJob.Text("artifacts", "reports", "junit"), Is.EqualTo(commands[1].Value("--junit")), "GitLab shows the gate's JUnit file");
        Assert.That(gateJob.Text("artifacts", "when"), Is.EqualTo("always"), "the report and JUnit are kept when the gate fails");
        Assert.That(script.Single(l => l.Contains("evalh gate", StringComparison.Ordinal)), Does.EndWith("|| gate=$?"));
        Assert.That(script[^1], Is.EqualTo("exit \"${gate:-0}\""), "the job ends with the gate's exit code, after the report");
    }

    [Test]
    public void Kubernetes_completions_are_the_shard_count_and_both_jobs_share_one_read_write_many_volume()
    {
        var documents = KubernetesShards();
        var claim = documents.Single(d => d.Text("kind") == "PersistentVolumeClaim");
        var job = documents.Single(d => d.Text("kind") == "Job");
        var completions = int.Parse(job.Text("spec", "completions"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(claim.Strings("spec", "accessModes"), Is.EqualTo(new[] { "ReadWriteMany" }), "pods on several nodes write to it");
        Assert.That(job.Text("spec", "completionMode"), Is.EqualTo("Indexed"));
        Assert.That(int.Parse(job.Text("spec", "parallelism"), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, completions));

        var runs = CiDocsPage.Commands(job).Where(c => c.Name == "run").ToList();
        var fresh = runs.Single(c => c.Value("--resume") is null);
        Assert.That(fresh.Value("--shard"), Is.EqualTo($"auto/{completions}"), "Kubernetes does not tell the pod its completions: the flag must");
        Assert.That(runs.Single(c => c.Value("--resume") is not null).Value("--resume"), Is.EqualTo(fresh.Value("--out")), "a retried pod resumes its own directory");
        var script = CiDocsPage.Scalars(job.At("spec", "template", "spec", "containers")).Single(s => s.Contains("evalh run", StringComparison.Ordinal));
        Assert.That(script, Does.Contain("$((JOB_COMPLETION_INDEX + 1))"), "the per-index directory, numbered as evalh numbers shards");

        var mergeJob = KubernetesMerge().Single(d => d.Text("kind") == "Job");
        foreach (var pod in new[] { job, mergeJob })
        {
            var spec = pod.At("spec", "template", "spec");
            Assert.That(spec.Items("volumes").Single().Text("persistentVolumeClaim", "claimName"), Is.EqualTo(claim.Text("metadata", "name")));
            var mount = spec.Items("containers").Single().Items("volumeMounts").Single().Text("mountPath");
            Assert.That(CiDocsPage.Scalars(spec.At("containers")).Any(s => s.Contains($"\"{mount}/$EVAL_NAME", StringComparison.Ordinal)), Is.True, "writes under the volume");
            Assert.That(spec.Text("restartPolicy"), Is.EqualTo("Never"));
        }

        Assert.That(job.At("spec", "template", "spec").Items("containers").Single().Items("env").Single(e => e.Text("name") == "EVAL_NAME").Text("value"),
            Is.EqualTo(mergeJob.At("spec", "template", "spec").Items("containers").Single().Items("env").Single(e => e.Text("name") == "EVAL_NAME").Text("value")),
            "the merge reads the evaluation the shards wrote");
    }

    [Test]
    public void Kubernetes_keys_come_from_a_secret_and_the_merge_job_gates_writes_junit_and_runs_after_the_shards()
    {
        var job = KubernetesShards().Single(d => d.Text("kind") == "Job");
        var env = job.At("spec", "template", "spec").Items("containers").Single().Items("env");
        foreach (var key in new[] { "OPENAI_API_KEY", "JUDGE_API_KEY" })
        {
            var entry = env.Single(e => e.Text("name") == key);
            Assert.That(entry.Find("value"), Is.Null, key + " is not written into the manifest");
            Assert.That(entry.Text("valueFrom", "secretKeyRef", "key"), Is.EqualTo(key));
        }

        var mergeJob = KubernetesMerge().Single(d => d.Text("kind") == "Job");
        var commands = CiDocsPage.Commands(mergeJob);
        Assert.That(commands.Select(c => c.Name), Is.EqualTo(new[] { "merge", "gate", "report" }));
        Assert.That(commands[1].Value("--junit"), Does.StartWith(commands[0].Value("--out")!), "the JUnit file lands with the merged run on the volume");
        var script = CiDocsPage.Scalars(mergeJob.At("spec", "template", "spec", "containers")).Single(s => s.Contains("evalh gate", StringComparison.Ordinal));
        Assert.That(script.TrimEnd(), Does.EndWith("exit \"$gate\""), "the pod's exit code is the gate's");

        var shardsName = job.Text("metadata", "name");
        var sequence = Page.Blocks.Single(b => b.Body.Contains("kubectl wait", StringComparison.Ordinal)).Body;
        var wait = sequence.IndexOf($"kubectl wait --for=condition=complete job/{shardsName}", StringComparison.Ordinal);
        Assert.That(wait, Is.GreaterThanOrEqualTo(0), "the shards Job is waited for by its name");
        Assert.That(sequence.IndexOf("kubectl apply -f evalh-merge.yaml", StringComparison.Ordinal), Is.GreaterThan(wait), "the merge starts only after the shards completed");
    }

    [Test]
    public void Kubernetes_network_policies_let_the_shards_reach_only_the_endpoints_and_the_merge_nothing()
    {
        var policies = Page.YamlWithTopKey("apiVersion", "NetworkPolicy");
        var shardPods = KubernetesShards().Single(d => d.Text("kind") == "Job").At("spec", "template", "metadata", "labels");
        var mergePods = KubernetesMerge().Single(d => d.Text("kind") == "Job").At("spec", "template", "metadata", "labels");
        var shardPolicy = policies.Single(p => p.Text("spec", "podSelector", "matchLabels", "app") == shardPods.Text("app"));
        var mergePolicy = policies.Single(p => p.Text("spec", "podSelector", "matchLabels", "app") == mergePods.Text("app"));

        Assert.That(shardPods.Text("app"), Is.Not.EqualTo(mergePods.Text("app")), "one label per Job, so each policy selects one");
        Assert.That(shardPolicy.Strings("spec", "policyTypes"), Is.EqualTo(new[] { "Egress" }));
        Assert.That(shardPolicy.Items("spec", "egress").Select(r => r.Items("to").Single().Find("ipBlock") is not null), Is.EqualTo(new[] { true, false }),
            "the endpoints' addresses, then DNS");
        Assert.That(mergePolicy.Strings("spec", "policyTypes"), Is.EqualTo(new[] { "Egress" }));
        Assert.That(mergePolicy.Items("spec", "egress"), Is.Empty, "merge, gate and report read only the volume");
    }

    // A flag, not a heading anchor such as (reliability.md#--shard-auto-…).
    [GeneratedRegex(@"(?<![\w#-])--[a-z][a-z-]*[a-z]")]
    private static partial Regex Flag();

    private static YamlMappingNode GitHub() => Page.YamlWithTopKey("jobs").Single(d => d.Find("jobs") is not null);

    private static YamlMappingNode GitLab() => Page.YamlWithTopKey("stages").Single();

    private static IReadOnlyList<YamlMappingNode> KubernetesShards() => Page.YamlWithTopKey("apiVersion", "Indexed");

    private static IReadOnlyList<YamlMappingNode> KubernetesMerge() => Page.YamlWithTopKey("apiVersion", "evalh merge");

    private static List<YamlNode> Steps(YamlNode job) => [.. job.Items("steps")];

    private static string Uses(YamlNode step) => step.Find("uses") is YamlScalarNode uses ? uses.Value ?? string.Empty : string.Empty;
}
