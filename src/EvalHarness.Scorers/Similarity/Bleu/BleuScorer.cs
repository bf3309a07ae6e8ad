using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scorers.Similarity;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Tokenization;
using EvalHarness.Scoring;
using EvalHarness.Validation;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Similarity.Bleu;

/// <summary>
/// Sentence BLEU as sacreBLEU's <c>BLEU(tokenize=…, effective_order=True).sentence_score</c>, on
/// sacreBLEU's 0–100 scale; every target is a reference. The n-gram statistics go into the score's
/// metadata so that <see cref="CorpusBleuMetric"/> can compute corpus BLEU from them.
/// </summary>
internal sealed class BleuScorer : IScorer
{
    /// <summary>sacreBLEU's default for languages without a tokenizer of their own.</summary>
    public const string DefaultTokenizer = "13a";

    private readonly string _tokenize;
    private readonly TokenizerCatalog _tokenizers;

    /// <param name="tokenize">A registered tokenizer (<c>13a</c>, <c>ja-mecab</c>), or <c>auto</c>: the one registered for the sample's language, else 13a.</param>
    /// <param name="tokenizers">The registered tokenizers.</param>
    public BleuScorer(string tokenize, TokenizerCatalog tokenizers)
    {
        _tokenizers = tokenizers;
        _tokenize = tokenize == TokenizerCatalog.Auto || tokenizers.TryGet(tokenize, out _)
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

        var name = _tokenizers.Resolve(_tokenize, input.Sample.Language, DefaultTokenizer);
        try
        {
            var tokenizer = _tokenizers.Get(name);
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
        catch (TokenizerUnavailableException ex)
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

        public string Description => "sacreBLEU sentence BLEU, 0-100 (options: tokenize = auto or a tokenizer from 'evalh list tokenizers'; auto uses the sample language's tokenizer, ja-mecab for Japanese, else 13a)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["corpus_bleu", "mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Percent);

        public IScorer Create(ScorerContext context) => new BleuScorer(TokenizerOption.Read(context.Options, context.Tokenizers), context.Tokenizers);
    }
}
