using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Cli;

/// <summary>Users copy commands and CI files from the docs: every evalh flag they name must exist, and the CI examples must be complete YAML.</summary>
[TestFixture]
public sealed partial class DocumentedFlagsTests
{
    // Flags of other programs that the pages quote (sbatch in the Slurm example).
    private static readonly HashSet<string> OtherPrograms = ["--array", "--wrap"];

    private static string Page(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, name));

    private static async Task<string> AllHelpAsync()
    {
        var help = new List<string>();
        foreach (string[] command in (string[][])[[], ["run"], ["merge"], ["report"], ["compare"], ["gate"], ["pack"], ["verify"], ["score"], ["judge-check"], ["validate"], ["coverage"], ["list"], ["cache", "stats"], ["cache", "clear"]])
        {
            help.Add((await CliRun.InvokeAsync([.. command, "--help"])).Out);
        }

        return string.Join('\n', help);
    }

    [TestCase("docs/gate.md")]
    [TestCase("docs/judges.md")]
    [TestCase("docs/procurement.md")]
    [TestCase("docs/reliability.md")]
    [TestCase("docs/run-files.md")]
    [TestCase("docs/suite-format.md")]
    [TestCase("README.md")]
    public async Task Every_flag_the_page_names_is_an_evalh_flag(string page)
    {
        var help = await AllHelpAsync();
        var named = Flag().Matches(Page(page)).Select(m => m.Value).Distinct().Where(f => !OtherPrograms.Contains(f)).ToList();

        Assert.That(named, Is.Not.Empty);
        Assert.That(named.Where(f => !Regex.IsMatch(help, Regex.Escape(f) + @"(?![a-z-])")), Is.Empty, "flags the page names that no evalh command has");
    }

    [Test]
    public void The_ci_examples_are_valid_yaml_and_set_up_dotnet_before_running()
    {
        var blocks = YamlBlock().Matches(Page("docs/reliability.md")).Select(m => m.Groups["body"].Value).ToList();
        var github = blocks.Single(b => b.Contains("runs-on:", StringComparison.Ordinal));
        var gitlab = blocks.Single(b => b.Contains("parallel:", StringComparison.Ordinal));

        foreach (var block in new[] { github, gitlab })
        {
            var diagnostics = new DiagnosticBag();
            YamlConfigParser.Parse("example.yml", block, diagnostics);
            Assert.That(diagnostics.Items.Where(d => d.IsError), Is.Empty, block);
        }

        var jobs = github.Split("\n  merge:");
        foreach (var job in jobs)
        {
            Assert.That(job, Does.Contain("actions/checkout@").And.Contain("actions/setup-dotnet@").And.Contain("dotnet-version: 10.0.x"));
            Assert.That(job.IndexOf("setup-dotnet", StringComparison.Ordinal), Is.LessThan(job.IndexOf("./run.sh", StringComparison.Ordinal)));
        }

        Assert.That(jobs[0], Does.Contain("--shard ${{ matrix.shard }}/4").And.Contain("actions/upload-artifact@"));
        Assert.That(jobs[1], Does.Contain("needs: shard").And.Contain("actions/download-artifact@").And.Contain("./run.sh merge shard-1 shard-2 shard-3 shard-4 --out merged"));
        Assert.That(gitlab, Does.Contain("dotnet/sdk:10.0").And.Contain("--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\"").And.Contain("./run.sh merge"));
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*[a-z]")]
    private static partial Regex Flag();

    [GeneratedRegex("```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
