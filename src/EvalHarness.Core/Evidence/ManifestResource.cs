namespace EvalHarness.Evidence;

/// <summary>
/// A text a scorer's verdicts depend on (a judge rubric, a lexicon), as the log header records it, and the
/// pack entry that holds it; <see cref="Entry"/> is null when the text could not be found with that hash.
/// </summary>
public sealed record ManifestResource(string Suite, string Scorer, string Name, string Source, string Sha256, string? Entry);
