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

namespace EvalHarness.Scorers.Similarity.Rouge;

/// <summary>
/// ROUGE-1, ROUGE-2 or ROUGE-L with rouge-score's definitions over MeCab tokens (Japanese) or
/// whitespace-separated tokens. The value is the F-measure in [0, 1]; with several targets, the best
/// F-measure (the first of equals), as rouge-score's <c>score_multi</c>.
/// </summary>
internal sealed class RougeScorer : IScorer
{
    private static readonly string[] Variants = ["rouge1", "rouge2", "rougeL"];
    /// <summary>rouge-score's default for languages without a tokenizer of their own.</summary>
    public const string DefaultTokenizer = "whitespace";

    private readonly string _variant;
    private readonly string _tokenize;
    private readonly TokenizerCatalog _tokenizers;

    /// <param name="variant"><c>rouge1</c>, <c>rouge2</c> or <c>rougeL</c>.</param>
    /// <param name="tokenize">A registered tokenizer (<c>ja-mecab</c>, <c>whitespace</c>), or <c>auto</c>: the one registered for the sample's language, else whitespace.</param>
    /// <param name="tokenizers">The registered tokenizers.</param>
    public RougeScorer(string variant, string tokenize, TokenizerCatalog tokenizers)
    {
        _tokenizers = tokenizers;
        _variant = Variants.Contains(variant, StringComparer.Ordinal) ? variant : throw new ArgumentException($"unknown ROUGE variant '{variant}'", nameof(variant));
        _tokenize = tokenize == TokenizerCatalog.Auto || tokenizers.TryGet(tokenize, out _) ? tokenize : throw new ArgumentException($"unknown tokenizer '{tokenize}'", nameof(tokenize));
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
            var hypothesis = tokenizer.Tokenize(input.Output);
            RougeScore? best = null;
            foreach (var reference in references)
            {
                var score = Measure(hypothesis, tokenizer.Tokenize(reference));
                if (best is null || score.FMeasure > best.FMeasure)
                {
                    best = score;
                }
            }

            var metadata = new JsonObject
            {
                ["variant"] = _variant,
                ["tokenizer"] = name,
                ["precision"] = best!.Precision,
                ["recall"] = best.Recall,
                ["matches"] = best.Matches,
                ["hypothesis_count"] = best.HypothesisCount,
                ["reference_count"] = best.ReferenceCount,
            };
            return Task.FromResult(new Score { Value = best.FMeasure, Explanation = Explain(best, name), Metadata = metadata });
        }
        catch (TokenizerUnavailableException ex)
        {
            return Task.FromResult(Score.Failed(ex.Message));
        }
    }

    public SampleProblem? CheckSample(Sample sample) => Match.Targets.Require(sample);

    private RougeScore Measure(List<string> hypothesis, List<string> reference) => _variant switch
    {
        "rouge1" => RougeMeasures.N(hypothesis, reference, 1),
        "rouge2" => RougeMeasures.N(hypothesis, reference, 2),
        _ => RougeMeasures.L(hypothesis, reference),
    };

    private string Explain(RougeScore score, string tokenizer)
    {
        var unit = _variant == "rougeL" ? "LCS" : "overlap";
        var counted = _variant switch { "rouge1" => "tokens", "rouge2" => "bigrams", _ => "tokens" };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{_variant} F {score.FMeasure:0.000} (P {score.Precision:0.000}, R {score.Recall:0.000}; {unit} {score.Matches} of {score.HypothesisCount} hypothesis and {score.ReferenceCount} reference {counted}, {tokenizer})");
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "rouge";

        public string Description => "ROUGE F-measure, 0-1, rouge-score definitions (options: variant = rouge1 | rouge2 | rougeL; tokenize = auto or a tokenizer from 'evalh list tokenizers'; auto uses ja-mecab for Japanese, else whitespace)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Unit);

        public IScorer Create(ScorerContext context)
        {
            var variant = context.Options.GetString("variant") ?? "rougeL";
            if (!Variants.Contains(variant, StringComparer.Ordinal))
            {
                context.Options.Error("variant", $"must be one of: {string.Join(", ", Variants)}");
                variant = "rougeL";
            }

            return new RougeScorer(variant, TokenizerOption.Read(context.Options, context.Tokenizers), context.Tokenizers);
        }
    }
}
