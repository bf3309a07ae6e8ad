namespace EvalHarness.Japanese.Aisev;

/// <summary>The sample metadata an aisev row carries into the run log, from which every aisev figure is recomputed.</summary>
public static class AisevMetadataKeys
{
    /// <summary>The row's <c>requirement</c>: the criterion the requirement judge checks.</summary>
    public const string Requirement = "requirement";

    /// <summary>The row's <c>gsn_perspective</c> cell as written.</summary>
    public const string GsnPerspective = "gsn_perspective";

    /// <summary>The GSN leaf the row counts towards (set only with <c>--gsn</c>, when the leaf is in a GSN file).</summary>
    public const string GsnLeaf = "gsn_leaf";

    /// <summary>The leaf's weight in its GSN tree: the product of <c>scoreRate</c> from the top goal down.</summary>
    public const string GsnWeight = "gsn_weight";

    /// <summary>The perspective (id) whose GSN file the leaf belongs to; weights of different trees never add up.</summary>
    public const string GsnTree = "gsn_tree";

    /// <summary>The row's <c>scorer</c> cell as written, when it has one.</summary>
    public const string Scorer = "aisev_scorer";

    /// <summary>A <c>ten_perspective</c> that is none of the ten, kept as written (aisev scores it under that name too).</summary>
    public const string UnknownPerspective = "aisev_perspective";
}
