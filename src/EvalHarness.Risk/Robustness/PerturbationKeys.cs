namespace EvalHarness.Risk.Robustness;

/// <summary>Sample metadata of the perturbation items.</summary>
internal static class PerturbationKeys
{
    /// <summary>Items asking the same question share a group id.</summary>
    public const string Group = "perturbation_group";

    /// <summary>How the question was changed: none (the original), typo, width, kana, paraphrase.</summary>
    public const string Perturbation = "perturbation";

    public const string None = "none";

    public static IReadOnlyList<string> Kinds { get; } = [None, "typo", "width", "kana", "paraphrase"];
}
