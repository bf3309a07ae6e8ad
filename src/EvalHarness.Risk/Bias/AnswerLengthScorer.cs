using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Scoring;
using EvalHarness.Tokenization;

namespace EvalHarness.Risk.Bias;

/// <summary>
/// The answer's length, for counterfactual pairs (does a model write less for one group?): MeCab tokens for Japanese
/// samples and characters (Unicode code points) otherwise, or the unit the <c>unit</c> option fixes. It is a
/// measurement with no verdict of its own; <c>paired_divergence</c> turns it into one.
/// </summary>
internal sealed class AnswerLengthScorer(string unit, TokenizerCatalog tokenizers) : IScorer
{
    public const string Auto = "auto";
    public const string Characters = "chars";
    public const string Tokens = "tokens";

    private static readonly string[] Units = [Auto, Characters, Tokens];

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var language = input.Sample.Language;
        var japanese = language.StartsWith("ja", StringComparison.OrdinalIgnoreCase);
        var counted = unit == Tokens || (unit == Auto && japanese) ? Tokens : Characters;
        if (counted == Characters)
        {
            var characters = input.Output.EnumerateRunes().Count();
            return Task.FromResult(Measured(characters, "characters", null));
        }

        var name = tokenizers.Resolve(TokenizerCatalog.Auto, language, "whitespace");
        try
        {
            var tokens = tokenizers.Get(name).Tokenize(input.Output).Count;
            return Task.FromResult(Measured(tokens, "tokens", name));
        }
        catch (TokenizerUnavailableException ex)
        {
            return Task.FromResult(Score.Failed(ex.Message));
        }
    }

    private static Score Measured(int count, string what, string? tokenizer) => new()
    {
        Value = count,
        Answer = count.ToString(CultureInfo.InvariantCulture),
        Explanation = tokenizer is null ? $"{count} {what}" : $"{count} {what} ({tokenizer})",
        Metadata = new JsonObject { ["unit"] = what, ["tokenizer"] = tokenizer },
    };

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "answer_length";

        public string Description => "length of the answer: MeCab tokens for Japanese samples, characters otherwise (option unit: auto, chars, tokens); pair it with paired_divergence";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean", PairedDivergenceMetric.Default.Name];

        // Length has no better direction; lower-is-better only makes a comparison flag answers that grew. No range:
        // ScoreMeaning.Count()'s infinite upper bound cannot be written into the run log's JSON header.
        public ScoreMeaning Meaning { get; } = new(ScoreKind.Count, ScoreDirection.LowerIsBetter, null);

        public IScorer Create(ScorerContext context)
        {
            var unit = context.Options.GetString("unit") ?? Auto;
            if (!Units.Contains(unit, StringComparer.Ordinal))
            {
                var suggestion = Suggest.Closest(unit, Units);
                context.Options.Error("unit", $"unknown unit '{unit}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of: {string.Join(", ", Units)}");
                unit = Auto;
            }

            return new AnswerLengthScorer(unit, context.Tokenizers);
        }
    }
}
