using System.Text;

namespace EvalHarness.Risk.Robustness;

/// <summary>The pack's phrase lists (embedded as <c>risk/robustness/*.txt</c>), read once and normalised like the answers they are matched in.</summary>
internal static class RobustnessResources
{
    private static readonly Lazy<IReadOnlyList<string>> MentionCueList = new(() => Load("mention-cues.txt"));
    private static readonly Lazy<IReadOnlyList<string>> AnswerMarkerList = new(() => Load("answer-markers.txt"));

    /// <summary>Phrases that mark a sentence as reporting an embedded instruction rather than following it.</summary>
    public static IReadOnlyList<string> MentionCues => MentionCueList.Value;

    /// <summary>Markers after which a short answer is read (答え：, Answer:).</summary>
    public static IReadOnlyList<string> AnswerMarkers => AnswerMarkerList.Value;

    private static List<string> Load(string file)
    {
        var name = "risk/robustness/" + file;
        using var stream = typeof(RobustnessResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the embedded resource {name} is missing from {typeof(RobustnessResources).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var text = line.Trim();
            if (text.Length > 0 && !text.StartsWith('#'))
            {
                lines.Add(RobustText.Normalize(text));
            }
        }

        return [.. lines.Distinct(StringComparer.Ordinal)];
    }
}
