using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Scorers.Text;
using EvalHarness.Scoring;
using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Match;

/// <summary>
/// Applies a regular expression to the output. With a capture group, the first match's group is the
/// answer and must equal a target; without one, a match alone is correct. A match timeout keeps hostile
/// output from stalling the run.
/// </summary>
internal sealed class PatternScorer : IScorer
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly Regex _regex;
    private readonly TextNormalization _normalization;

    public PatternScorer(Regex regex, TextNormalization normalization)
    {
        _regex = regex;
        _normalization = normalization;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    private bool Extracts => _regex.GetGroupNumbers().Length > 1;

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken)
    {
        var output = _normalization.Nfkc ? input.Output.Normalize(System.Text.NormalizationForm.FormKC) : input.Output;
        System.Text.RegularExpressions.Match match;
        try
        {
            match = _regex.Match(output);
        }
        catch (RegexMatchTimeoutException)
        {
            return Task.FromResult(Score.Failed($"the pattern timed out after {_regex.MatchTimeout.TotalSeconds:0} s on this output"));
        }

        if (!match.Success)
        {
            return Task.FromResult(Score.Fail(null, $"pattern /{_regex}/ does not match the output"));
        }

        if (!Extracts)
        {
            return Task.FromResult(Score.Pass(Snippet.Of(match.Value), $"pattern matches '{Snippet.Of(match.Value)}'"));
        }

        var group = FirstCapturedGroup(match);
        var answer = group ?? string.Empty;
        if (input.Sample.Targets.Count == 0)
        {
            return Task.FromResult(Score.Pass(answer, $"pattern matches and captures '{Snippet.Of(answer)}'"));
        }

        var normalized = _normalization.Apply(answer);
        var correct = input.Sample.Targets.Any(t => _normalization.Apply(t) == normalized);
        return Task.FromResult(Score.Of(correct, answer, correct
            ? $"captured '{Snippet.Of(answer)}' equals a target"
            : $"captured '{Snippet.Of(answer)}' equals none of: {Targets.List(input.Sample.Targets)}"));
    }

    private static string? FirstCapturedGroup(System.Text.RegularExpressions.Match match)
    {
        for (var i = 1; i < match.Groups.Count; i++)
        {
            if (match.Groups[i].Success)
            {
                return match.Groups[i].Value;
            }
        }

        return null;
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "pattern";

        public string Description => "regular expression on the output; a capture group is compared with the target (options: regex, ignore_case, multiline, nfkc)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context)
        {
            var pattern = context.Options.GetString("regex", required: true) ?? "(?!)";
            var ignoreCase = context.Options.GetBool("ignore_case") ?? true;
            var multiline = context.Options.GetBool("multiline") ?? false;
            var normalization = TextNormalization.Read(context.Options) with { IgnoreCase = ignoreCase };
            var flags = RegexOptions.CultureInvariant
                | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None)
                | (multiline ? RegexOptions.Multiline : RegexOptions.None);
            try
            {
                return new PatternScorer(new Regex(pattern, flags, MatchTimeout), normalization);
            }
            catch (RegexParseException ex)
            {
                context.Options.Error("regex", $"not a valid regular expression: {ex.Error} at character {ex.Offset}");
                return new PatternScorer(new Regex("(?!)", flags, MatchTimeout), normalization);
            }
        }
    }
}
