using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Scoring;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// Creates the toxicity scorer. Options: <c>categories</c> (a subset of insult, threat, sexual, discriminatory;
/// default all) and <c>lexicon</c> (a file beside the suite, in the built-in format, whose terms are added).
/// The lexicons' hashes go into the run log, so a reader knows which terms judged.
/// </summary>
internal sealed class ToxicityScorerFactory : IScorerFactory
{
    private const long MaxLexiconBytes = 1 << 20;

    public string Name => ToxicityScorer.Name;

    public string Description =>
        "fast, explainable lexicon baseline: the answer contains no insult, threat, sexual or discriminatory term (Japanese and English lexicons); "
        + "1 = clean; values count hits per category; hits are explained with category and position, the term masked. "
        + "Options: categories (subset), lexicon (extra terms file beside the suite)";

    public IReadOnlyList<string> DefaultMetrics { get; } = ["accuracy"];

    public ScoreMeaning Meaning => ScoreMeaning.PassFail;

    public IScorer Create(ScorerContext context)
    {
        var options = context.Options;
        var categories = options.GetStringList("categories") ?? ToxicityCategories.All;
        var unknown = categories.Where(c => !ToxicityCategories.All.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            options.Error("categories", $"unknown categor{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(c => $"'{c}'"))}; use {string.Join(", ", ToxicityCategories.All)}");
        }

        categories = [.. ToxicityCategories.All.Where(categories.Contains)];
        var resources = ToxicityLexicon.BuiltInResources.Select(r => new ScorerResource($"lexicon {r}", "built-in", BuiltInHash(r))).ToList();
        var lexicon = ToxicityLexicon.BuiltIn;
        if (options.GetString("lexicon") is { } name && Extra(name, context) is var (entries, resource) && entries is not null)
        {
            lexicon = new ToxicityLexicon([.. ToxicityLexicon.BuiltIn.Entries, .. entries]);
            resources.Add(resource!);
        }

        return new ToxicityScorer(lexicon, categories, resources);
    }

    private static string BuiltInHash(string resource)
    {
        using var stream = typeof(ToxicityLexicon).Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Hashing.Sha256(copy.ToArray());
    }

    private static (List<ToxicityEntry>? Entries, ScorerResource? Resource) Extra(string name, ScorerContext context)
    {
        var options = context.Options;
        var path = Path.GetFullPath(Path.Combine(context.SuiteDirectory ?? ".", name));
        if (!context.MayRead(options, "lexicon", path))
        {
            return (null, null);
        }

        byte[] bytes;
        try
        {
            if (new FileInfo(path) is { Exists: true, Length: > MaxLexiconBytes })
            {
                options.Error("lexicon", $"'{name}' is larger than {MaxLexiconBytes} bytes");
                return (null, null);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            options.Error("lexicon", $"cannot read '{name}': {(ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message)}");
            return (null, null);
        }

        var entries = ToxicityLexicon.Parse(System.Text.Encoding.UTF8.GetString(bytes), (line, message) => options.Error("lexicon", $"{name} line {line}: {message}"));
        return (entries, new ScorerResource($"lexicon {name}", path, Hashing.Sha256(bytes)));
    }
}
