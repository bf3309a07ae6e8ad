using YamlDotNet.RepresentationModel;

namespace EvalHarness.Tests.Cli;

/// <summary>Reading the parsed CI examples by path, failing with the path that is missing.</summary>
internal static class CiDocsYaml
{
    public static YamlNode At(this YamlNode node, params string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            Assert.That(current, Is.InstanceOf<YamlMappingNode>(), $"'{key}' of {string.Join('.', path)}: not a mapping");
            var mapping = (YamlMappingNode)current;
            Assert.That(mapping.Children.ContainsKey(new YamlScalarNode(key)), Is.True, $"{string.Join('.', path)}: no '{key}'");
            current = mapping.Children[new YamlScalarNode(key)];
        }

        return current;
    }

    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string Text(this YamlNode node, params string[] path) => node.At(path) is YamlScalarNode scalar ? scalar.Value ?? string.Empty
        : throw new AssertionException($"{string.Join('.', path)} is not a scalar");

    public static IReadOnlyList<YamlNode> Items(this YamlNode node, params string[] path) => node.At(path) is YamlSequenceNode sequence ? sequence.Children.ToList()
        : throw new AssertionException($"{string.Join('.', path)} is not a list");

    /// <summary>A list or a single value (GitHub's and GitLab's <c>needs</c> take either).</summary>
    public static IReadOnlyList<string> Strings(this YamlNode node, params string[] path) => node.At(path) switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList(),
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        _ => throw new AssertionException($"{string.Join('.', path)} is neither a value nor a list"),
    };

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode node) =>
        ((YamlMappingNode)node).Children.Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value ?? string.Empty, c.Value));
}
