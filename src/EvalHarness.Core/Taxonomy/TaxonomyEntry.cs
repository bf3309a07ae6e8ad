namespace EvalHarness.Taxonomy;

/// <summary>A named risk or evaluation perspective with its labels in English and Japanese.</summary>
public sealed record TaxonomyEntry(string Id, string English, string Japanese)
{
    /// <summary>
    /// Further English names that other tools write for this entry (aisev's, including its misspelling), accepted
    /// like <see cref="English"/> so their data loads unchanged; never shown.
    /// </summary>
    public IReadOnlyList<string> OtherSpellings { get; init; } = [];
}
