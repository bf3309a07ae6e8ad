namespace EvalHarness.Japanese.Quality;

/// <summary>The style a sentence's final predicate is in.</summary>
internal enum Register
{
    /// <summary>No predicate to judge: noun endings (体言止め), headings, fragments, quotations.</summary>
    Unclassified,

    /// <summary>です・ます体 (丁寧語), including ください.</summary>
    Polite,

    /// <summary>だ・である体 and plain verb, adjective and auxiliary endings.</summary>
    Plain,
}
