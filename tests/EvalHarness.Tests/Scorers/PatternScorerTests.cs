using EvalHarness.Scorers.Match;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Scorers;

[TestFixture]
public sealed class PatternScorerTests
{
    private static async Task<Score> ScoreOf(string output, string options, params string[] targets)
    {
        var scorer = PatternScorer.Factory.Create(Options.Of(options));
        var sample = Samples.Make(targets: targets);
        return await scorer.ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    private static string Regex(string pattern, string extra = "") =>
        "{\"regex\": " + System.Text.Json.JsonSerializer.Serialize(pattern) + extra + "}";

    [Test]
    public async Task Match_without_a_group_passes()
    {
        var score = await ScoreOf("The result: 42 apples", Regex(@"\d+ apples"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1));
            Assert.That(score.Answer, Is.EqualTo("42 apples"));
        }
    }

    [Test]
    public async Task Match_without_a_group_ignores_targets()
    {
        var score = await ScoreOf("The result: 42 apples", Regex(@"\d+ apples"), "something else");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Non_capturing_group_is_not_an_answer_group()
    {
        var score = await ScoreOf("colour", Regex("colo(?:u)?r"), "nothing");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task No_match_fails()
    {
        var score = await ScoreOf("No digits here", Regex(@"\d+"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.Null);
            Assert.That(score.Explanation, Does.Contain("does not match"));
        }
    }

    [Test]
    public async Task Captured_group_equal_to_target_passes()
    {
        var score = await ScoreOf("Reasoning...\nANSWER: Paris", Regex(@"ANSWER:\s*(\w+)"), "Paris");

        Assert.That(score.Value, Is.EqualTo(1));
        Assert.That(score.Answer, Is.EqualTo("Paris"));
    }

    [Test]
    public async Task Captured_group_different_from_target_fails()
    {
        var score = await ScoreOf("ANSWER: Lyon", Regex(@"ANSWER:\s*(\w+)"), "Paris");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo("Lyon"));
            Assert.That(score.Explanation, Does.Contain("'Paris'"));
        }
    }

    [Test]
    public async Task Captured_group_matches_any_of_several_targets()
    {
        var score = await ScoreOf("ANSWER: NYC", Regex(@"ANSWER:\s*(\w+)"), "New York", "NYC");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task First_participating_group_is_the_answer()
    {
        var score = await ScoreOf("Answer is B", Regex(@"answer: (\w)|answer is (\w)"), "B");

        Assert.That(score.Answer, Is.EqualTo("B"));
        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Captured_group_without_targets_passes()
    {
        var score = await ScoreOf("ANSWER: 7", Regex(@"ANSWER:\s*(\d+)"));

        Assert.That(score.Value, Is.EqualTo(1));
        Assert.That(score.Answer, Is.EqualTo("7"));
    }

    [Test]
    public async Task Ignore_case_is_on_by_default_for_pattern_and_comparison()
    {
        var score = await ScoreOf("answer: PARIS", Regex(@"ANSWER:\s*(\w+)"), "paris");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Ignore_case_false_makes_the_pattern_case_sensitive()
    {
        var score = await ScoreOf("answer: Paris", Regex(@"ANSWER:\s*(\w+)", ", \"ignore_case\": false"), "Paris");

        Assert.That(score.Value, Is.Zero);
    }

    [Test]
    public async Task Ignore_case_false_makes_the_comparison_case_sensitive()
    {
        var score = await ScoreOf("ANSWER: PARIS", Regex(@"ANSWER:\s*(\w+)", ", \"ignore_case\": false"), "Paris");

        Assert.That(score.Value, Is.Zero);
        Assert.That(score.Answer, Is.EqualTo("PARIS"));
    }

    [Test]
    public async Task Output_is_nfkc_normalised_before_matching()
    {
        var normalised = await ScoreOf("ＡＮＳＷＥＲ：４２", Regex(@"ANSWER:(\d+)"), "42");
        var raw = await ScoreOf("ＡＮＳＷＥＲ：４２", Regex(@"ANSWER:(\d+)", ", \"nfkc\": false"), "42");

        Assert.That(normalised.Value, Is.EqualTo(1));
        Assert.That(raw.Value, Is.Zero);
    }

    [Test]
    public async Task Multiline_option_anchors_at_line_starts()
    {
        const string output = "thinking\nB\nmore text";

        var single = await ScoreOf(output, Regex(@"^([A-D])$"), "B");
        var multi = await ScoreOf(output, Regex(@"^([A-D])$", ", \"multiline\": true"), "B");

        Assert.That(single.Value, Is.Zero);
        Assert.That(multi.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Invalid_regex_is_reported_on_the_regex_field()
    {
        var diagnostics = new DiagnosticBag();

        var scorer = PatternScorer.Factory.Create(Options.Of("""{"regex": "(unclosed"}""", diagnostics));

        var score = await scorer.ScoreAsync(Samples.Input(Samples.Make(targets: ["(unclosed"]), "(unclosed"), CancellationToken.None);
        Assert.That(score.Value, Is.Zero, "the stand-in for a broken pattern matches nothing, not even the pattern's own text");
        Assert.That(diagnostics.Items, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items[0].IsError, Is.True);
            Assert.That(diagnostics.Items[0].Field, Is.EqualTo("scorers[0].options.regex"));
            Assert.That(diagnostics.Items[0].Message, Does.Contain("not a valid regular expression"));
        }
    }

    [Test]
    public void Missing_regex_is_reported_as_required()
    {
        var diagnostics = new DiagnosticBag();

        PatternScorer.Factory.Create(Options.Of("{}", diagnostics));

        Assert.That(diagnostics.Items, Has.Count.EqualTo(1));
        Assert.That(diagnostics.Items[0].Field, Is.EqualTo("scorers[0].options.regex"));
        Assert.That(diagnostics.Items[0].Message, Does.Contain("required"));
    }

    [Test]
    public void Valid_regex_reports_nothing()
    {
        var diagnostics = new DiagnosticBag();

        PatternScorer.Factory.Create(Options.Of(Regex(@"(\d+)"), diagnostics));

        Assert.That(diagnostics.Items, Is.Empty);
    }

    [Test]
    public async Task Catastrophic_backtracking_on_an_output_fails_that_score_with_a_timeout_and_the_pattern_still_works_on_others()
    {
        var scorer = PatternScorer.Factory.Create(Options.Of(Regex(@"^(\w+\s?)*$")));
        var hostile = string.Concat(Enumerable.Repeat("word ", 40)) + "!";
        var sample = Samples.Make(targets: ["x"]);

        // Without the match timeout this backtracks for hours; the bound only keeps a broken timeout
        // from hanging the test run, it measures nothing.
        var score = await Task.Run(() => scorer.ScoreAsync(Samples.Input(sample, hostile), CancellationToken.None)).WaitAsync(TimeSpan.FromMinutes(2));
        var benign = await scorer.ScoreAsync(Samples.Input(Samples.Make(targets: ["word"]), "word word"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Error, Is.EqualTo("the pattern timed out after 2 s on this output"));
            Assert.That(score.Value, Is.Null, "a failed score, not a wrong answer");
            Assert.That(benign.Value, Is.EqualTo(1));
        }
    }
}
