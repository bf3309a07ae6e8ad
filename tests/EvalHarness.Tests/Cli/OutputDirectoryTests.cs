using EvalHarness.Cli;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Cli;

/// <summary>Default run directory names: people find their runs by them in <c>reports/</c>.</summary>
[TestFixture]
public sealed class OutputDirectoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 53, 45, TimeSpan.Zero);

    [Test]
    public void A_run_of_several_suites_is_named_after_the_first_plus_the_count_of_the_others()
    {
        using var dir = new TempDirectory();
        var suites = Runs.Load(Path.Combine(RepoPaths.Suites, "smoke"));
        var path = OutputDirectory.Default(dir.Path, [suites, suites, suites], "openai/gpt-4o-mini", Now);

        Assert.That(Path.GetFileName(path), Is.EqualTo("20261206T035345Z-smoke+2-openai_gpt-4o-mini"));
    }

    [Test]
    public void A_replay_run_is_named_after_the_recording_and_never_reuses_an_existing_directory()
    {
        using var dir = new TempDirectory();
        var suite = Runs.Load(Path.Combine(RepoPaths.Suites, "smoke"));
        var first = OutputDirectory.Default(dir.Path, [suite], "replay:/tmp/x/demo.jsonl", Now);
        Directory.CreateDirectory(first);
        var second = OutputDirectory.Default(dir.Path, [suite], "replay:/tmp/x/demo.jsonl", Now);

        Assert.That(Path.GetFileName(first), Is.EqualTo("20261206T035345Z-smoke-replay-demo"));
        Assert.That(Path.GetFileName(second), Is.EqualTo("20261206T035345Z-smoke-replay-demo-2"));
    }
}
