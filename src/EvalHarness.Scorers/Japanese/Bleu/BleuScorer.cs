using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Japanese.MeCab;
using EvalHarness.Scorers.Japanese.Similarity;
using EvalHarness.Scorers.Japanese.Tokenization;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Japanese.Bleu;

/// <summary>
/// Sentence BLEU as sacreBLEU's <c>BLEU(tokenize=…, effective_order=True).sentence_score</c>, on
/// sacreBLEU's 0–100 scale; every target is a reference. The n-gram statistics go into the score's
/// metadata so that <see cref="CorpusBleuMetric"/> can compute corpus BLEU from them.
/// </summary>
public sealed class BleuScorer : IScorer
{
    private static readonly string[] Tokenizers = [MetricTokenizers.Auto, MetricTokenizers.JaMecab, MetricTokenizers.Thirteen];
    private readonly string _tokenize;
    private readonly Func<string, IMetricTokenizer> _tokenizers;

    /// <param name="tokenize"><c>ja-mecab</c>, <c>13a</c>, or <c>auto</c> (ja-mecab for Japanese samples, else 13a).</param>
    public BleuScorer(string tokenize = MetricTokenizers.Auto)
        : this(tokenize, MetricTokenizers.Get)
    {
    }

    /// <summary>With another source of tokenizers, so that tests can take MeCab away.</summary>
    internal BleuScorer(string tokenize, Func<string, IMetricTokenizer> tokenizers)
    {
        _tokenizers = tokenizers;
        _tokenize = Tokenizers.Contains(tokenize, StringComparer.Ordinal)
            ? tokenize
            : throw new ArgumentException($"unknown tokenizer '{tokenize}'", nameof(tokenize));
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var references = input.Sample.Targets;
        if (references.Count == 0)
        {
            return Task.FromResult(Score.Failed(Match.Targets.Require(input.Sample)!.Message));
        }

        var name = MetricTokenizers.Resolve(_tokenize, input.Sample.Language, MetricTokenizers.Thirteen);
        try
        {
            var tokenizer = _tokenizers(name);
            var statistics = SacreBleu.SegmentStatistics(input.Output, references, tokenizer);
            var bleu = SacreBleu.Compute(statistics, effectiveOrder: true);
            var metadata = new JsonObject
            {
                ["tokenizer"] = name,
                ["signature"] = $"nrefs:{references.Count}|case:mixed|eff:yes|tok:{tokenizer.Signature}|smooth:exp|version:2.6.0",
            };
            statistics.WriteTo(metadata);
            metadata["precisions"] = JsonStatistics.Array(bleu.Precisions);
            metadata["bp"] = bleu.BrevityPenalty;
            return Task.FromResult(new Score { Value = bleu.Score, Explanation = Explain(bleu, name, references.Count), Metadata = metadata });
        }
        catch (MeCabUnavailableException ex)
        {
            return Task.FromResult(Score.Failed(ex.Message));
        }
    }

    public SampleProblem? CheckSample(Sample sample) => Match.Targets.Require(sample);

    private static string Explain(BleuScore bleu, string tokenizer, int references) => string.Create(
        CultureInfo.InvariantCulture,
        $"BLEU {bleu.Score:0.00} ({tokenizer}, {references} reference{(references == 1 ? string.Empty : "s")}): precisions {string.Join('/', bleu.Precisions.Select(p => p.ToString("0.0", CultureInfo.InvariantCulture)))}, brevity penalty {bleu.BrevityPenalty:0.000} ({bleu.SysLen} hypothesis tokens, {bleu.RefLen} reference)");

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "bleu";

        public string Description => "sacreBLEU sentence BLEU, 0-100 (options: tokenize = auto | ja-mecab | 13a; auto uses MeCab for Japanese samples)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["corpus_bleu", "mean"];

        public ValueRange Range => ValueRange.Percent;

        public IScorer Create(ConfigSection options) => new BleuScorer(TokenizerOption.Read(options, Tokenizers));
    }
}
