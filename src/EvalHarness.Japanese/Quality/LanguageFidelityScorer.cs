using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Metrics;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Asked in Japanese, answers in Japanese (or, for <c>en</c>, in Latin script). Counts the answer's prose by
/// script (code blocks, inline code and URLs are ignored; digits, punctuation and emoji are not letters) in
/// units, a word for Latin and a character for kana and Han (<see cref="ScriptCounts"/>), and passes when the
/// expected script's share of the units reaches <c>min_share</c>. Han text with positive evidence of Chinese
/// (simplified-only forms, Chinese function characters) fails as likely Chinese even though Han counts as
/// Japanese script.
/// </summary>
internal sealed class LanguageFidelityScorer : IScorer
{
    public const double DefaultMinShare = 0.5;

    private readonly string? _language;
    private readonly double _minShare;

    public LanguageFidelityScorer(string? language, double minShare)
    {
        _language = language;
        _minShare = minShare;
    }

    public static IScorerFactory Factory { get; } = new ScorerFactory();

    public Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken) => Task.FromResult(Judge(input));

    private Score Judge(ScoreInput input)
    {
        var label = _language ?? input.Sample.Language;
        var expected = ExpectedLanguage.Normalize(label);
        if (expected is null)
        {
            return Score.Failed($"language '{label}' is not checked by language_fidelity (it knows ja and en); set the scorer option 'language' or the sample's 'language'");
        }

        var prose = ProseText.Of(input.Output);
        var counts = Scripts.Count(prose.Text);
        if (counts.Letters == 0)
        {
            return Score.Failed("no letters to judge outside code blocks and URLs (the answer is empty or only numbers, symbols or code)");
        }

        var chinese = ChineseSignals.Detect(prose.Text, counts);
        var detected = Detect(counts, chinese);
        var metadata = new JsonObject
        {
            ["expected"] = expected,
            ["detected"] = detected,
            ["min_share"] = _minShare,
        };
        counts.WriteTo(metadata);
        metadata["ignored_code_blocks"] = prose.CodeBlocks;
        metadata["ignored_inline_code"] = prose.InlineCode;
        metadata["ignored_urls"] = prose.Urls;

        var score = expected == ExpectedLanguage.Japanese
            ? JudgeJapanese(counts, chinese, detected, metadata)
            : JudgeEnglish(counts, detected, metadata);
        return score with { Metadata = metadata };
    }

    private Score JudgeJapanese(ScriptCounts counts, ChineseSignals chinese, string detected, JsonObject metadata)
    {
        var share = counts.Share(counts.Japanese);
        metadata["share"] = Math.Round(share, 4);
        metadata["chinese_signals"] = new JsonArray(chinese.Names().Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        metadata["simplified_chinese"] = chinese.SimplifiedCount;
        metadata["chinese_function_characters"] = chinese.FunctionCount;
        var figures = Figures(share, "Japanese script", counts);
        if (chinese.Any)
        {
            return Score.Fail(detected, $"likely Chinese, not Japanese: {chinese.Describe()} ({figures})");
        }

        if (share >= _minShare)
        {
            return Score.Pass(detected, $"answered in Japanese: {figures}");
        }

        var verdict = detected == "ja" ? "too little Japanese" : $"answered in {Describe(detected)}, not Japanese";
        return Score.Fail(detected, $"{verdict}: {figures}; at least {Percent(_minShare)} required");
    }

    private Score JudgeEnglish(ScriptCounts counts, string detected, JsonObject metadata)
    {
        var share = counts.Share(counts.LatinWords);
        metadata["share"] = Math.Round(share, 4);
        var figures = Figures(share, "Latin script", counts);
        if (share >= _minShare)
        {
            return Score.Pass(detected, $"answered in Latin script: {figures}");
        }

        var verdict = detected == "latin" ? "too little Latin script" : $"answered in {Describe(detected)}, not English";
        return Score.Fail(detected, $"{verdict}: {figures}; at least {Percent(_minShare)} required");
    }

    /// <summary>"69% Japanese script among 13 units (9 kana/Han characters, 4 Latin words; letters: hiragana 5, ...)".</summary>
    private static string Figures(double share, string script, ScriptCounts counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{Percent(share)} {script} among {counts.Units} units ({counts.UnitBreakdown()}; letters: {counts.Breakdown()})");

    /// <summary>The script with most units, as a short label: ja, zh, latin, ko or other.</summary>
    private static string Detect(ScriptCounts counts, ChineseSignals chinese)
    {
        var best = Math.Max(Math.Max(counts.Japanese, counts.LatinWords), Math.Max(counts.Hangul, counts.OtherWords));
        if (best == counts.Japanese)
        {
            return chinese.Any ? "zh" : "ja";
        }

        return best == counts.LatinWords ? "latin" : best == counts.Hangul ? "ko" : "other";
    }

    private static string Describe(string detected) => detected switch
    {
        "ja" => "Japanese",
        "zh" => "Chinese",
        "latin" => "Latin script (English or another European language)",
        "ko" => "Korean",
        _ => "another script",
    };

    private static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    private sealed class ScorerFactory : IScorerFactory
    {
        public string Name => "language_fidelity";

        public string Description => "answer written in the expected language (ja: kana+Han share of characters and Latin words, not Chinese; en: Latin word share); options: language, min_share (0.5)";

        public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

        public ScoreMeaning Meaning => ScoreMeaning.PassFail;

        public IScorer Create(ScorerContext context)
        {
            var language = context.Options.GetString("language");
            if (language is not null && ExpectedLanguage.Normalize(language) is null)
            {
                context.Options.Error("language", $"unknown language '{language}'; language_fidelity checks ja or en");
                language = null;
            }

            return new LanguageFidelityScorer(language, context.Options.GetDouble("min_share", 0, 1) ?? DefaultMinShare);
        }
    }
}
