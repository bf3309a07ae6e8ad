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

namespace EvalHarness.Scorers.Japanese.Rouge;

/// <summary>
/// ROUGE-1, ROUGE-2 or ROUGE-L with rouge-score's definitions over MeCab tokens (Japanese) or
/// whitespace-separated tokens. The value is the F-measure in [0, 1]; with several targets, the best
/// F-measure (the first of equals), as rouge-score's <c>score_multi</c>.
/// </summary>
public sealed class RougeScorer : IScorer
{
    private static readonly string[] Variants = ["rouge1", "rouge2", "rougeL"];
    private static readonly string[] Tokenizers = [MetricTokenizers.Auto, MetricTokenizers.JaMecab, MetricTokenizers.Whitespace];
    private readonly string _variant;
    private readonly string _tokenize;
    private readonly Func<string, IMetricTokenizer> _tokenizers;

    /// <param name="variant"><c>rouge1</c>, <c>rouge2</c> or <c>rougeL</c>.</param>
    /// <param name="tokenize"><c>ja-mecab</c>, <c>whitespace</c>, or <c>auto</c> (ja-mecab for Japanese samples, else whitespace).</param>
    public RougeScorer(string variant = "rougeL", string tokenize = MetricTokenizers.Auto)
        : this(variant, tokenize, MetricTokenizers.Get)
    {
    }

    /// <summary>With another source of tokenizers, so that tests can take MeCab away.</summary>
    internal RougeScorer(string variant, string tokenize, Func<string, IMetricTokenizer> tokenizers)
    {
        _tokenizers = tokenizers;
        _variant = Variants.Contains(variant, StringComparer.Ordinal) ? variant : throw new ArgumentException($"unknown ROUGE variant '{variant}'", nameof(variant));
        _tokenize = Tokenizers.Contains(tokenize, StringComparer.Ordinal) ? tokenize : throw new ArgumentException($"unknown tokenizer '{tokenize}'", nameof(tokenize));
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var references = input.Sample.Targets;
        if (references.Count == 0)
        {
            return Task.FromResult(Score.Failed(Match.Targets.Require(input.Sample)!.Message));
        }

        var name = MetricTokenizers.Resolve(_tokenize, input.Sample.Language, MetricTokenizers.Whitespace);
        try
        {
            var tokenizer = _tokenizers(name);
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
        catch (MeCabUnavailableException ex)
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

        public string Description => "ROUGE F-measure, 0-1, rouge-score definitions (options: variant = rouge1 | rouge2 | rougeL; tokenize = auto | ja-mecab | whitespace)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ValueRange Range => ValueRange.Unit;

        public IScorer Create(ConfigSection options)
        {
            var variant = options.GetString("variant") ?? "rougeL";
            if (!Variants.Contains(variant, StringComparer.Ordinal))
            {
                options.Error("variant", $"must be one of: {string.Join(", ", Variants)}");
                variant = "rougeL";
            }

            return new RougeScorer(variant, TokenizerOption.Read(options, Tokenizers));
        }
    }
}
