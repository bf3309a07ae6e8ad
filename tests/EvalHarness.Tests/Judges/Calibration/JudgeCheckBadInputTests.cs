using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>A labelled set with mistakes is reported in one pass, each with file, line and field; exit 2, no judge call, nothing written.</summary>
[TestFixture]
public sealed class JudgeCheckBadInputTests
{
    [Test]
    public async Task Every_bad_line_is_reported_with_file_line_and_field_before_any_judge_call()
    {
        using var dir = new TempDirectory();
        var file = dir.File("labelled.jsonl", string.Join('\n',
            """{"id": "a", "rubric": "requirement", "language": "en", "input": "q", "output": "o", "label": "C", "requirement": "r"}""",
            """{"id": "b", "rubric": "requirment", "language": "en", "input": "q", "output": "o", "label": "C", "requirement": "r"}""",
            """{"id": "c", "rubric": "requirement", "language": "en", "input": "q", "output": "o", "label": "X", "requirement": "r"}""",
            """{"id": "d", "rubric": "requirement", "language": "en", "input": "q", "output": "o", "label": "C"}""",
            """{"id": "a", "rubric": "refusal", "language": "ja", "input": "q", "output": "o", "label": "REFUSAL"}""",
            """{"id": "f", "rubric": "refusal",""",
            """{"id": "g", "rubric": "claim-support", "language": "en", "input": "q", "output": "o", "label": "SUPPORTED"}""",
            """{"id": "h", "rubric": "refusal", "language": "fr", "input": "q", "output": "o", "label": "PARTIAL"}""",
            """{"id": "i", "rubric": "refusal", "language": "en", "input": "q", "output": "o", "label": 1, "hard": "yes"}""",
            """{"id": "j", "rubric": "refusal", "language": "en", "input": "q", "output": "o", "label": "partial", "notes": "x"}""") + "\n");
        await using var judge = await FakeOpenAiServer.StartAsync(_ => FakeReply.Answer("GRADE: C"));

        var run = await JudgeCheckRun.RunAsync(dir, judge, file);

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.Cli.All);
        Assert.That(run.Cli.Error, Does.Contain($"{file}:2: error: field 'rubric': unknown rubric 'requirment' (did you mean 'requirement'?)"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:3: error: field 'label': \"X\" is not a verdict of rubric 'requirement': expected C or I"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:4: error: field 'requirement': is missing or empty: rubric 'requirement' shows the judge the item's requirement"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:5: error: field 'id': the id 'a' is already used at {file}:1"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:6:").And.Contain("not valid JSON"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:7: error: field 'context': is missing or empty"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:8: error: field 'language': must be ja or en, not 'fr'"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:9: error: field 'label': 1 is not a verdict of rubric 'refusal': expected REFUSAL, PARTIAL or COMPLIANCE"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:9: error: field 'hard': must be true or false"));
        Assert.That(run.Cli.Error, Does.Contain($"{file}:10: warning: field 'notes': is not a field of a labelled item and is ignored (did you mean 'note'?)"));
        Assert.That(run.Cli.Error, Does.Not.Contain($"{file}:10: error"), "a label is matched without regard to case, as a judge's verdict is");
        Assert.That(run.Cli.Error, Does.Not.Contain($"{file}:1:"));
        Assert.That(judge.Requests, Is.Empty);
        Assert.That(Directory.Exists(run.Output), Is.False, "nothing is written");
    }

    [Test]
    public async Task Flags_and_rubric_files_are_checked_too()
    {
        using var dir = new TempDirectory();
        var english = LabelledSets.LabelsRubric(dir, "tone", ["POLITE", "RUDE"]);
        var file = LabelledSets.Write(dir, "labelled.jsonl",
        [
            LabelledSets.Item("t1", "tone", "en", "fine", "POLITE"),
            LabelledSets.Item("t2", "tone", "ja", "fine", "RUDE"),
        ]);
        var occupied = dir.File("occupied/keep.txt", "x");

        var withoutJudge = await CliRun.InvokeAsync(["judge-check", file, "--rubric-file", english, "--rubric-file", dir.Combine("missing.md"), "--out", Path.GetDirectoryName(occupied)!]);

        Assert.That(withoutJudge.ExitCode, Is.EqualTo(ExitCodes.BadInput), withoutJudge.All);
        Assert.That(withoutJudge.Error, Does.Contain("command line: error: field '--judge': is required"));
        Assert.That(withoutJudge.Error, Does.Contain("already contains files"));
        Assert.That(withoutJudge.Error, Does.Contain($"{dir.Combine("missing.md")}: error: file not found"));
        Assert.That(withoutJudge.Error, Does.Contain($"{file}:2: error: field 'language': rubric 'tone' has no ja version (it exists in: en)"));
        Assert.That(withoutJudge.Error, Does.Not.Contain($"{file}:1:"), "the English item is fine with the English rubric file");

        var missing = await CliRun.InvokeAsync(["judge-check", dir.Combine("nowhere.jsonl"), "--judge", "openai/judge"]);
        Assert.That(missing.ExitCode, Is.EqualTo(ExitCodes.BadInput), missing.All);
        Assert.That(missing.Error, Does.Contain($"{dir.Combine("nowhere.jsonl")}: error: file not found"));

        var demo = await CliRun.InvokeAsync(["judge-check", file, "--rubric-file", english, "--judge", "demo"]);
        Assert.That(demo.ExitCode, Is.EqualTo(ExitCodes.BadInput), demo.All);
        Assert.That(demo.Error, Does.Contain("'demo' replays verdicts recorded with the suites' demo answers"));
    }
}
