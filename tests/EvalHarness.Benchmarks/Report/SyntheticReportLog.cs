using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Models;
using EvalHarness.Taxonomy;

namespace EvalHarness.Benchmarks.Report;

/// <summary>
/// A run log shaped like a real bilingual evaluation: a system prompt, a ~200-character user prompt
/// mixing English and Japanese, a ~200-character answer, two scorers with explanations, category,
/// risk, perspective and language on every sample, and about 1% errored samples. Deterministic, so
/// runs of the benchmark compare.
/// </summary>
internal static class SyntheticReportLog
{
    public const string SearchWord = "富士山";

    private const string System = "You are a careful assistant. Answer accurately and concisely. 正確かつ簡潔に答えてください。";

    private static readonly string[] Categories = ["arithmetic", "commonsense", "factual", "reading", "science", "safety", "law", "medicine", "history", "geography"];

    private static readonly string[] Topics = ["東京", "大阪", "京都", "北海道", "沖縄", "名古屋", "福岡", "横浜", "神戸", "仙台"];

    private static readonly string[] English =
    [
        "the", "passage", "says", "that", "river", "city", "mountain", "people", "history", "because", "although", "early", "late",
        "century", "temple", "market", "railway", "harbour", "festival", "population", "winter", "summer", "north", "south", "east",
        "west", "bridge", "castle", "garden", "school", "library", "museum", "station", "island", "coast", "valley", "forest", "lake",
        "famous", "known", "built", "opened", "closed", "moved", "grew", "fell", "rose", "about", "around", "between", "during",
        "after", "before", "several", "many", "few", "most", "second", "third", "largest", "oldest", "newest", "figure", "number",
        "answer", "question", "reason", "therefore", "however", "also", "only", "still", "which", "where", "when", "while",
    ];

    private static readonly string[] Japanese =
    [
        "文章", "によると", "この", "都市", "歴史", "人々", "川", "山", "寺", "市場", "鉄道", "港", "祭り", "人口", "冬", "夏", "北",
        "南", "東", "西", "橋", "城", "庭園", "学校", "図書館", "博物館", "駅", "島", "海岸", "谷", "森", "湖", "有名", "古い", "新しい",
        "建てられた", "開かれた", "増えた", "減った", "約", "年", "世紀", "最も", "二番目", "理由", "答え", "質問", "しかし", "また", "そして",
    ];

    /// <param name="drift">0 for the baseline; k &gt; 0 for a candidate that fails every (97 + k)-th sample the baseline
    /// passed and passes every (89 + k)-th it failed, so the two runs disagree on a few percent of samples as models do.</param>
    public static void Write(string path, int samples, int drift = 0)
    {
        var started = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var errored = 0;
        using var writer = RunLogWriter.Create(path);
        writer.Write(new LogHeader
        {
            RunId = "bench-report",
            Harness = HarnessInfo.Current,
            Started = started,
            Model = new ModelInfo("replay:bench.jsonl", "replay", null, null, false, "recorded responses, not a live model"),
            Suites = [Suite(samples)],
            Settings = new RunSettings(),
        });
        for (var i = 0; i < samples; i++)
        {
            var record = Sample(i, started, drift);
            errored += record.IsError ? 1 : 0;
            writer.Write(record);
        }

        writer.Write(new LogFooter { Ended = started.AddHours(1), Status = RunStatus.Completed, Planned = samples, Completed = samples, Errored = errored });
    }

    private static string Words(Random random, string[] vocabulary, int length, string separator)
    {
        var text = new System.Text.StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(vocabulary[random.Next(vocabulary.Length)]).Append(separator);
        }

        return text.ToString().TrimEnd();
    }

    private static SuiteHeader Suite(int samples) => new()
    {
        Name = "bench-report",
        Version = "1.0",
        Language = "en",
        Path = "suites/bench-report/suite.yaml",
        Files = [new SuiteFile("suites/bench-report/suite.yaml", new string('0', 64)), new SuiteFile("suites/bench-report/data.jsonl", new string('1', 64))],
        Samples = samples,
        Epochs = new EpochSettings(1, "mean"),
        Generate = new GenerationSettings { Temperature = 0, MaxTokens = 256 },
        Solver = [new StepHeader("system_message", new JsonObject { ["template"] = System }), new StepHeader("generate", [])],
        Scorers = [new ScorerHeader("includes", "includes", [], ["accuracy"]), new ScorerHeader("exact", "exact", [], ["accuracy"])],
        GroupBy = ["category", "risk", "perspective", "language"],
    };

    private static SampleRecord Sample(int i, DateTimeOffset started, int drift)
    {
        // Seeded per sample: text varies like real prompts and answers do (and compresses like them, ~3:1).
        var random = new Random(i);
        var topic = Topics[i % Topics.Length];
        var id = "q" + i.ToString("D6", CultureInfo.InvariantCulture);
        var target = topic + " " + (i % 97).ToString(CultureInfo.InvariantCulture);
        var user = string.Create(CultureInfo.InvariantCulture,
            $"Question {i} about {topic}: {Words(random, English, 90, " ")}. {Words(random, Japanese, 45, string.Empty)}。What is the answer? 答えてください。");
        var right = i % 5 != 0;
        if (drift > 0 && (right ? i % (97 + drift) == 0 : i % (89 + drift) == 0))
        {
            right = !right;
        }

        var mention = i % 100 == 7 ? SearchWord + "も見えます。" : string.Empty;
        var output = string.Create(CultureInfo.InvariantCulture,
            $"The answer is {(right ? target : "unknown")}. {Words(random, English, 80, " ")}. 答えは{(right ? target : "不明")}です。{mention}{Words(random, Japanese, 50, string.Empty)}。");
        var metadata = new Dictionary<string, string>
        {
            [MetadataKeys.Category] = Categories[i % Categories.Length],
            [MetadataKeys.Risk] = RiskCategories.All[i % RiskCategories.All.Count].Id,
            [MetadataKeys.Perspective] = Perspectives.All[i % Perspectives.All.Count].Id,
            [MetadataKeys.Language] = i % 2 == 1 ? "ja" : "en",
        };
        var record = new SampleRecord
        {
            Suite = "bench-report",
            Id = id,
            Epoch = 1,
            Input = [new PromptMessage("system", System), new PromptMessage("user", user)],
            Targets = [target],
            Metadata = metadata,
            LatencyMs = 400 + (i % 300),
            Attempts = 1,
            Started = started.AddMilliseconds(i * 10),
            Completed = started.AddMilliseconds((i * 10) + 400),
            FinishReason = "stop",
            Model = "bench",
        };

        // About 1%: failed after its retries, as a live endpoint sometimes does.
        if (i % 100 == 42)
        {
            return record with { Attempts = 6, Error = new SampleError("transient", "HTTP 503 Service Unavailable after 5 retries: the upstream model is overloaded; try again later", 503) };
        }

        return record with
        {
            Output = output,
            Scores = new Dictionary<string, Score>
            {
                ["includes"] = right ? Score.Pass(target, $"output contains '{target}'") : Score.Fail(null, $"output contains none of: '{target}'"),
                ["exact"] = Score.Fail(output[..40], $"output is not exactly '{target}' after normalisation (NFKC, case, whitespace)"),
            },
        };
    }
}
