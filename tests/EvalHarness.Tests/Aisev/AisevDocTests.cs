using System.Text.RegularExpressions;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Aisev;

/// <summary>Users copy commands from docs/aisev.md: the flags it names exist and the scores it quotes are the ones a run gives.</summary>
[TestFixture]
public sealed partial class AisevDocTests
{
    private static string Page => File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "aisev.md"));

    [Test]
    public async Task Every_flag_the_page_names_is_a_flag_of_run_or_validate()
    {
        var help = (await CliRun.InvokeAsync(["run", "--help"])).Out + (await CliRun.InvokeAsync(["validate", "--help"])).Out + (await CliRun.InvokeAsync(["score", "--help"])).Out;
        var named = Flag().Matches(Page).Select(m => m.Value).Distinct().ToList();

        Assert.That(named, Does.Contain("--gsn").And.Contain("--judge"));
        Assert.That(named.Where(f => !Regex.IsMatch(help, Regex.Escape(f) + @"(?![a-z-])")), Is.Empty);
    }

    [Test]
    public void The_page_names_every_metric_and_rubric_it_relies_on()
    {
        Assert.That(Page, Does.Contain("aisev_score").And.Contain("aisev_gsn").And.Contain("aisev_gsn_coverage").And.Contain("aisev_choice"));
        Assert.That(Page, Does.Contain("aisev-requirement").And.Contain("aisev-model-graded-qa"));
        Assert.That(Page, Does.Contain("28.1667").And.Contain("44.4444"), "the worked robustness example");
    }

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*[a-z]")]
    private static partial Regex Flag();
}
