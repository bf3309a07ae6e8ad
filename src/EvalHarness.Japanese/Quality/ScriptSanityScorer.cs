using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Scoring;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Broken text: U+FFFD, control characters other than tab/LF/CR, lone surrogates, private-use
/// characters, and the signatures of text decoded with the wrong character set (mojibake). 1 when
/// clean, 0 otherwise; the explanation gives the first problem's position and an excerpt around it.
/// Code blocks are checked too: broken bytes are broken anywhere.
/// </summary>
internal sealed class ScriptSanityScorer : IScorer
{
    public static ScriptSanityScorer Default { get; } = new();

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken) => Task.FromResult(Judge(input.Output));

    internal static Score Judge(string text)
    {
        var problems = new List<TextProblem>();
        CharacterProblems.Find(text, problems);
        Mojibake.Find(text, problems);
        var metadata = new JsonObject { ["problems"] = problems.Count };
        if (problems.Count == 0)
        {
            return Score.Pass(null, "clean: no replacement characters, stray control characters, lone surrogates, private-use characters or mojibake")
                with { Metadata = metadata };
        }

        var byKind = problems.GroupBy(p => p.Kind).OrderBy(g => g.Min(p => p.Index)).ToList();
        foreach (var group in byKind)
        {
            metadata[group.First().Key] = group.Count();
        }

        var first = problems.MinBy(p => p.Index)!;
        var (line, column, codePoint) = Excerpt.Position(text, first.Index);
        metadata["first_kind"] = first.Key;
        metadata["first_line"] = line;
        metadata["first_column"] = column;
        metadata["first_code_point"] = codePoint;

        var counts = string.Join(", ", byKind.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.First().Name} ×{g.Count()}")));
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"broken text: {first.Name} at line {line}, column {column} (code point {codePoint}): «{Excerpt.Around(text, first.Index, first.Length)}»; found {counts}");
        return Score.Fail(first.Key, explanation) with { Metadata = metadata };
    }

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "script_sanity";

        public string Description => "broken text: U+FFFD, control characters, lone surrogates, private use, mojibake (UTF-8 read as Latin-1 or Shift_JIS, Shift_JIS/EUC-JP read as Latin-1)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context) => Default;
    }
}
