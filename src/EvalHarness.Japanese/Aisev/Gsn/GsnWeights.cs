using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev.Gsn;

/// <summary>
/// The GSN files of a directory (<c>--gsn DIR</c>): aisev's ten, one per perspective, each weighing the leaves
/// that aisev rows name in <c>gsn_perspective</c>.
/// </summary>
public sealed class GsnWeights
{
    private readonly Dictionary<string, GsnLeaf> _leaves;

    private GsnWeights(IReadOnlyList<GsnTree> trees)
    {
        Trees = trees;
        _leaves = new Dictionary<string, GsnLeaf>(StringComparer.Ordinal);
        foreach (var leaf in trees.SelectMany(t => t.Leaves))
        {
            _leaves[leaf.Id] = leaf;
        }
    }

    /// <summary>The files read, by perspective number.</summary>
    public IReadOnlyList<GsnTree> Trees { get; }

    /// <summary>
    /// Reads every <c>.yaml</c>/<c>.yml</c> file of <paramref name="directory"/>. Returns null when any problem was
    /// reported: a file that is not valid YAML or not a GSN tree, two files for one perspective, or none at all.
    /// </summary>
    public static GsnWeights? Load(string directory, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!Directory.Exists(directory))
        {
            diagnostics.Error("command line", 0, 0, "--gsn", $"{DisplayPaths.For(directory)} is not a directory; --gsn names the directory holding aisev's GSN files (NN_…_GSN.yaml)");
            return null;
        }

        var errorsBefore = diagnostics.ErrorCount;
        var files = Directory.GetFiles(directory)
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            diagnostics.Error(DisplayPaths.For(directory), 0, 0, "--gsn", "holds no .yaml file; --gsn names the directory holding aisev's GSN files (NN_…_GSN.yaml)");
            return null;
        }

        var trees = new List<GsnTree>();
        foreach (var file in files)
        {
            if (GsnReader.Read(file, diagnostics) is not { } tree)
            {
                continue;
            }

            if (trees.Find(t => t.Number == tree.Number) is { } other)
            {
                diagnostics.Error(tree.Path, 0, 0, null, $"is a GSN file for perspective {tree.Number}, and so is {other.Path}; keep one GSN file per perspective in the directory");
                continue;
            }

            trees.Add(tree);
        }

        return diagnostics.ErrorCount > errorsBefore ? null : new GsnWeights(trees.OrderBy(t => t.Number).ToList());
    }

    /// <summary>The leaf with this id in any of the files, or null (aisev then leaves the row out of GSN scoring).</summary>
    public GsnLeaf? Find(string id) => _leaves.GetValueOrDefault(id);
}
