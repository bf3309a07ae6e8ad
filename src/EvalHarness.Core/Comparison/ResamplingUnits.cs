namespace EvalHarness.Comparison;

/// <summary>
/// What a paired bootstrap draws: each paired sample with all its epochs (the sample is the unit, so epochs are never
/// treated as independent evidence), and samples linked by metadata <see cref="LinkKeys"/> (a counterfactual pair, a
/// question with its perturbed variants) drawn together as one unit, since metrics read them together and their
/// results are correlated. Units are kept in order of their first sample, so the same input always resamples alike.
/// </summary>
internal sealed class ResamplingUnits
{
    /// <summary>The metadata keys that tie samples together: paired_divergence and safety_combined pair by pair_id, consistency_rate groups by perturbation_group.</summary>
    public static readonly IReadOnlyList<string> LinkKeys = ["pair_id", "perturbation_group"];

    private ResamplingUnits(int[] start, int[] members)
    {
        Start = start;
        Members = members;
    }

    public int Count => Start.Length - 1;

    /// <summary>Unit u holds the samples Members[Start[u] .. Start[u + 1]).</summary>
    public int[] Start { get; }

    public int[] Members { get; }

    /// <summary>True when some unit holds more than one sample.</summary>
    public bool Linked => Members.Length > Count;

    public static ResamplingUnits Of(IReadOnlyList<IReadOnlyDictionary<string, string>> metadata)
    {
        var links = new string?[metadata.Count][];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = LinksOf(metadata[i]);
        }

        return Of(links);
    }

    /// <summary>
    /// A sample's values of <see cref="LinkKeys"/> (null where absent), read once and reused by every row of the sample;
    /// <paramref name="qualifier"/> (the suite) keeps a pair id of one suite from linking another suite's samples.
    /// </summary>
    public static string?[] LinksOf(IReadOnlyDictionary<string, string> metadata, string? qualifier = null)
    {
        var values = new string?[LinkKeys.Count];
        for (var k = 0; k < values.Length; k++)
        {
            if (metadata.TryGetValue(LinkKeys[k], out var value))
            {
                values[k] = qualifier is null ? value : qualifier + "\u0000" + value;
            }
        }

        return values;
    }

    /// <summary>Units from each sample's <see cref="LinksOf"/> values.</summary>
    public static ResamplingUnits Of(IReadOnlyList<string?[]> links)
    {
        var n = links.Count;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        for (var k = 0; k < LinkKeys.Count; k++)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                if (links[i][k] is { } value && !first.TryAdd(value, i))
                {
                    Union(parent, first[value], i);
                }
            }
        }

        // Roots in order of their first member; members in sample order.
        var unitOf = new int[n];
        var sizes = new List<int>();
        var index = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var root = Find(parent, i);
            if (!index.TryGetValue(root, out var u))
            {
                u = sizes.Count;
                index[root] = u;
                sizes.Add(0);
            }

            unitOf[i] = u;
            sizes[u]++;
        }

        var start = new int[sizes.Count + 1];
        for (var u = 0; u < sizes.Count; u++)
        {
            start[u + 1] = start[u] + sizes[u];
        }

        var fill = (int[])start.Clone();
        var members = new int[n];
        for (var i = 0; i < n; i++)
        {
            members[fill[unitOf[i]]++] = i;
        }

        return new ResamplingUnits(start, members);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
