using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Japanese.MeCab;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Keigo the item asks for: the answer uses one of the sample's <c>keigo_expected</c> forms (the right
/// 尊敬語 or 謙譲語 for whose action it is) and none of its <c>keigo_wrong</c> forms (typically the humble
/// form used for a superior's action, 部長が参ります, or the honorific for one's own, 私がいらっしゃいます).
/// Forms are matched by MeCab dictionary form, so every conjugation counts. です・ます alone is not keigo;
/// register_consistency checks that separately.
/// </summary>
internal sealed class KeigoScorer : IScorer
{
    public const string ExpectedKey = "keigo_expected";
    public const string WrongKey = "keigo_wrong";

    private readonly Func<MeCabTagger> _tagger;

    public KeigoScorer(Func<MeCabTagger>? tagger = null)
    {
        _tagger = tagger ?? (() => MeCabTagger.Default);
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public SampleProblem? CheckSample(Sample sample)
    {
        var expected = KeigoForms.Read(sample.Metadata, ExpectedKey, out var error);
        var wrong = KeigoForms.Read(sample.Metadata, WrongKey, out var wrongError);
        if (error is not null)
        {
            return new SampleProblem(ExpectedKey, error);
        }

        if (wrongError is not null)
        {
            return new SampleProblem(WrongKey, wrongError);
        }

        return expected!.Count == 0 && wrong!.Count == 0 ? new SampleProblem(ExpectedKey, $"keigo needs the sample metadata '{ExpectedKey}' (forms one of which must appear) or '{WrongKey}' (forms that must not)") : null;
    }

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        if (CheckSample(input.Sample) is { } problem)
        {
            return Task.FromResult(Score.Failed(problem.Message));
        }

        try
        {
            return Task.FromResult(Judge(input, _tagger()));
        }
        catch (Exception ex) when (ex is MeCabUnavailableException or InvalidOperationException)
        {
            return Task.FromResult(Score.Failed(ex.Message));
        }
    }

    private static Score Judge(ScoreInput input, MeCabTagger tagger)
    {
        var expected = KeigoForms.Read(input.Sample.Metadata, ExpectedKey, out _)!;
        var wrong = KeigoForms.Read(input.Sample.Metadata, WrongKey, out _)!;
        var tokens = tagger.Tokenize(ProseText.Of(input.Output).Text);
        var wrongFound = wrong.Select(f => (Form: f, Found: KeigoForms.Find(tokens, f, tagger))).Where(x => x.Found is not null).ToList();
        var expectedFound = expected.Select(f => (Form: f, Found: KeigoForms.Find(tokens, f, tagger))).FirstOrDefault(x => x.Found is not null);
        var metadata = new JsonObject
        {
            ["expected_forms"] = new JsonArray([.. expected.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["wrong_forms"] = new JsonArray([.. wrong.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["expected_found"] = expectedFound.Found,
            ["wrong_found"] = new JsonArray([.. wrongFound.Select(w => (JsonNode)JsonValue.Create(w.Found!))]),
        };

        var problems = new List<string>(2);
        if (wrongFound.Count > 0)
        {
            problems.Add("wrong keigo " + string.Join(", ", wrongFound.Select(w => $"「{w.Found}」 ({w.Form})")));
        }

        if (expected.Count > 0 && expectedFound.Found is null)
        {
            problems.Add($"none of the expected forms ({string.Join(", ", expected)})");
        }

        if (problems.Count > 0)
        {
            return new Score { Value = 0, Answer = wrongFound.FirstOrDefault().Found ?? expectedFound.Found, Explanation = "incorrect keigo: " + string.Join("; ", problems), Metadata = metadata };
        }

        var explanation = expectedFound.Found is { } found
            ? $"correct keigo: 「{found}」 ({expectedFound.Form})" + (wrong.Count > 0 ? $", none of {string.Join(", ", wrong)}" : string.Empty)
            : $"none of the wrong forms ({string.Join(", ", wrong)})";
        return new Score { Value = 1, Answer = expectedFound.Found, Explanation = explanation, Metadata = metadata };
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "keigo";

        public string Description => "keigo the item asks for: one of the sample's keigo_expected forms and none of its keigo_wrong forms, matched by MeCab dictionary form in any conjugation";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => new KeigoScorer();
    }
}
