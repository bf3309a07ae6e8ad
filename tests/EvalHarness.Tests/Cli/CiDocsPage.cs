using System.Text.RegularExpressions;
using EvalHarness.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace EvalHarness.Tests.Cli;

/// <summary>docs/ci.md: its fenced blocks, the YAML ones parsed, and every evalh command in them.</summary>
internal sealed partial class CiDocsPage
{
    private CiDocsPage(IReadOnlyList<(string Language, string Body, int Line)> blocks)
    {
        Blocks = blocks;
    }

    public static CiDocsPage Current { get; } = Load();

    public IReadOnlyList<(string Language, string Body, int Line)> Blocks { get; }

    public IEnumerable<(string Body, int Line)> YamlBlocks => Blocks.Where(b => b.Language == "yaml").Select(b => (b.Body, b.Line));

    /// <summary>The one YAML block with a document whose top level has <paramref name="key"/>, every document of it.</summary>
    public IReadOnlyList<YamlMappingNode> YamlWithTopKey(string key, string? containing = null)
    {
        var matches = YamlBlocks
            .Select(b => Parse(b.Body))
            .Select(docs => docs.OfType<YamlMappingNode>().ToList())
            .Where(docs => docs.Any(d => d.Children.ContainsKey(new YamlScalarNode(key))))
            .Where(docs => containing is null || docs.Any(d => Describe(d).Contains(containing, StringComparison.Ordinal)))
            .ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"one YAML block of docs/ci.md with a top-level '{key}'" + (containing is null ? string.Empty : $" and '{containing}'"));
        return matches[0];
    }

    public static IReadOnlyList<YamlNode> Parse(string body)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(body));
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    /// <summary>Every evalh command of the page: in YAML, inside each scalar value (a run: script, a container's args); elsewhere, on each line.</summary>
    public IReadOnlyList<CiDocsCommand> Commands() =>
    [
        .. Blocks.SelectMany(b => b.Language == "yaml"
            ? Parse(b.Body).SelectMany(d => Scalars(d)).SelectMany(s => CiDocsShell.Commands(s, $"docs/ci.md:{b.Line}"))
                .Select(c => c with { Variables = PlatformVariables(Parse(b.Body)) })
            : CiDocsShell.Commands(b.Body, $"docs/ci.md:{b.Line}")),
    ];

    public static IReadOnlyList<CiDocsCommand> Commands(YamlNode node) => [.. Scalars(node).SelectMany(s => CiDocsShell.Commands(s, "yaml"))];

    public static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Scalars),
        _ => [],
    };

    /// <summary>
    /// The shard variables the example's platform gives the first of its jobs: the values of every <c>env:</c>
    /// mapping (a GitHub matrix sets EVALH_SHARD_INDEX there), CI_NODE_INDEX 1 of the <c>parallel:</c> count
    /// (GitLab), JOB_COMPLETION_INDEX 0 in an Indexed Job (Kubernetes).
    /// </summary>
    public static Dictionary<string, string> PlatformVariables(IEnumerable<YamlNode> documents)
    {
        var variables = new Dictionary<string, string>();
        foreach (var node in documents.SelectMany(Descendants))
        {
            if (node is not YamlMappingNode mapping)
            {
                continue;
            }

            foreach (var (key, value) in mapping.Children.Select(c => (((YamlScalarNode)c.Key).Value, c.Value)))
            {
                if (key == "env" && value is YamlMappingNode env)
                {
                    foreach (var entry in env.Children.Where(e => e.Value is YamlScalarNode))
                    {
                        variables[((YamlScalarNode)entry.Key).Value!] = CiDocsShell.Substitute(((YamlScalarNode)entry.Value).Value ?? string.Empty);
                    }
                }
                else if (key == "parallel" && value is YamlScalarNode parallel)
                {
                    variables["CI_NODE_INDEX"] = "1";
                    variables["CI_NODE_TOTAL"] = parallel.Value!;
                }
                else if (key == "completionMode" && value is YamlScalarNode { Value: "Indexed" })
                {
                    variables["JOB_COMPLETION_INDEX"] = "0";
                }
            }
        }

        return variables;
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.SelectMany(Descendants).Prepend(node),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Descendants).Prepend(node),
        _ => [node],
    };

    private static string Describe(YamlNode node) => string.Join('\n', Scalars(node));

    private static CiDocsPage Load()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ci.md")).ReplaceLineEndings("\n");
        var blocks = Fence().Matches(text)
            .Select(m => (m.Groups["lang"].Value, m.Groups["body"].Value, text[..m.Index].Count(c => c == '\n') + 1))
            .ToList();
        return new CiDocsPage(blocks);
    }

    [GeneratedRegex(@"^```(?<lang>[a-z]*)\n(?<body>.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
