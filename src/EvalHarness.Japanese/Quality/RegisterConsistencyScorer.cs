using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Japanese.MeCab;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Mixing of polite (です・ます) and plain (だ・である) style. Each sentence is classified by its final
/// predicate (<see cref="RegisterClassifier"/>); the value is the share of classified sentences in the
/// expected register, or with <c>expected: consistent</c> in whichever register dominates.
/// </summary>
internal sealed class RegisterConsistencyScorer : IScorer
{
    public const string Consistent = "consistent";
    public const string Polite = "polite";
    public const string Plain = "plain";

    private readonly string _expected;
    private readonly bool _includeLists;
    private readonly Func<MeCabTagger> _tagger;

    public RegisterConsistencyScorer(string expected, bool includeLists, Func<MeCabTagger>? tagger = null)
    {
        _expected = expected;
        _includeLists = includeLists;
        _tagger = tagger ?? (() => MeCabTagger.Default);
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Judge(input.Output, _tagger()));
        }
        catch (MeCabUnavailableException ex)
        {
            return Task.FromResult(Score.Failed(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            return Task.FromResult(Score.Failed(ex.Message));
        }
    }

    private Score Judge(string output, MeCabTagger tagger)
    {
        var sentences = SentenceSplitter.Split(output, _includeLists);
        var classified = new List<(Sentence Sentence, Register Register)>();
        foreach (var sentence in sentences)
        {
            var register = RegisterClassifier.Classify(sentence.Text, tagger);
            if (register != Register.Unclassified)
            {
                classified.Add((sentence, register));
            }
        }

        var polite = classified.Count(c => c.Register == Register.Polite);
        var plain = classified.Count - polite;
        var unclassified = sentences.Count - classified.Count;
        var metadata = new JsonObject
        {
            ["expected"] = _expected,
            ["sentences"] = sentences.Count,
            ["polite"] = polite,
            ["plain"] = plain,
            ["unclassified"] = unclassified,
        };
        if (classified.Count == 0)
        {
            return Score.Pass(null, $"no sentence ends in a classifiable predicate ({sentences.Count} sentences: noun endings, headings, quotations or fragments); nothing can be inconsistent")
                with { Metadata = metadata };
        }

        // A tie goes to the register the answer opened with; the other one is the deviation.
        var dominant = polite == plain ? classified[0].Register : polite > plain ? Register.Polite : Register.Plain;
        var target = _expected switch
        {
            Polite => Register.Polite,
            Plain => Register.Plain,
            _ => dominant,
        };
        var matching = target == Register.Polite ? polite : plain;
        var value = (double)matching / classified.Count;
        metadata["dominant"] = Name(dominant);
        var counts = $"{polite} polite, {plain} plain of {classified.Count} classified sentences ({unclassified} without a classifiable predicate)";
        var score = new Score { Value = value, Answer = Name(dominant), Metadata = metadata };
        var offender = classified.FirstOrDefault(c => c.Register != target);
        if (offender.Sentence is null)
        {
            return score with { Explanation = $"consistently {Label(target)}: {counts}" };
        }

        metadata["first_inconsistent"] = offender.Sentence.Text;
        metadata["first_inconsistent_line"] = offender.Sentence.Line;
        var quote = string.Create(CultureInfo.InvariantCulture, $"first {Name(offender.Register)} sentence (line {offender.Sentence.Line}): 「{Snippet.Of(offender.Sentence.Text, 60)}」");
        var verdict = _expected == Consistent
            ? $"mixed registers, {Label(target)} dominates"
            : $"expected {Label(target)}, {matching} of {classified.Count} classified sentences are";
        return score with { Explanation = $"{verdict}: {counts}; {quote}" };
    }

    private static string Name(Register register) => register == Register.Polite ? Polite : Plain;

    private static string Label(Register register) => register == Register.Polite ? "polite (です・ます)" : "plain (だ・である)";

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "register_consistency";

        public string Description => "Japanese です・ます vs だ・である mixing, per sentence-final predicate (MeCab); options: expected (consistent, polite, plain), include_lists (true)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["mean"];

        public ScoreMeaning Meaning { get; } = ScoreMeaning.Graded(ValueRange.Unit);

        public IScorer Create(ScorerContext context)
        {
            var expected = context.Options.GetString("expected") ?? Consistent;
            if (expected is not (Consistent or Polite or Plain))
            {
                context.Options.Error("expected", $"must be {Consistent}, {Polite} or {Plain}, not '{expected}'");
                expected = Consistent;
            }

            return new RegisterConsistencyScorer(expected, context.Options.GetBool("include_lists") ?? true);
        }
    }
}
