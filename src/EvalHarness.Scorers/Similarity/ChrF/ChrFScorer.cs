using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Similarity.ChrF;

/// <summary>
/// Sentence chrF (word_order 0) or chrF++ (word_order 2) as sacreBLEU's <c>CHRF</c> with its
/// defaults, on the 0–100 scale. chrF reads characters, so it needs no tokenizer and treats Japanese
/// and other languages alike. With several targets the best-scoring one counts, as in sacreBLEU. The
/// statistics go into the metadata for <see cref="CorpusChrFMetric"/>.
/// </summary>
internal sealed class ChrFScorer : IScorer
{
    public const int MaxWordOrder = 2;
    private readonly int _wordOrder;

    public ChrFScorer(int wordOrder = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wordOrder);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wordOrder, MaxWordOrder);
        _wordOrder = wordOrder;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    private string MetricName => "chrF" + new string('+', _wordOrder);

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var references = input.Sample.Targets;
        if (references.Count == 0)
        {
            return Task.FromResult(Score.Failed(Match.Targets.Require(input.Sample)!.Message));
        }

        var statistics = SacreChrF.Statistics(input.Output, references, SacreChrF.DefaultCharOrder, _wordOrder);
        var value = SacreChrF.Score(statistics);
        var metadata = new JsonObject
        {
            ["signature"] = $"nrefs:{references.Count}|case:mixed|eff:yes|nc:{SacreChrF.DefaultCharOrder}|nw:{_wordOrder}|space:no|version:2.6.0",
            ["beta"] = SacreChrF.DefaultBeta,
        };
        statistics.WriteTo(metadata);
        var words = _wordOrder > 0 ? $" and word {_wordOrder}-grams" : string.Empty;
        var explanation = string.Create(CultureInfo.InvariantCulture, $"{MetricName} {value:0.00} (character {SacreChrF.DefaultCharOrder}-grams{words}, beta {SacreChrF.DefaultBeta})");
        return Task.FromResult(new Score { Value = value, Explanation = explanation, Metadata = metadata });
    }

    public SampleProblem? CheckSample(Sample sample) => Match.Targets.Require(sample);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "chrf";

        public string Description => "sacreBLEU sentence chrF, 0-100 (options: word_order = 0 for chrF, 2 for chrF++)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["corpus_chrf", "mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Percent);

        public IScorer Create(ScorerContext context) => new ChrFScorer(context.Options.GetInt("word_order", 0, MaxWordOrder) ?? 0);
    }
}
