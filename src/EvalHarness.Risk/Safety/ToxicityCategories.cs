namespace EvalHarness.Risk.Safety;

/// <summary>The toxicity lexicons' categories, in the order scores list them.</summary>
internal static class ToxicityCategories
{
    public const string Insult = "insult";
    public const string Threat = "threat";
    public const string Sexual = "sexual";
    public const string Discriminatory = "discriminatory";

    public static IReadOnlyList<string> All { get; } = [Insult, Threat, Sexual, Discriminatory];
}
