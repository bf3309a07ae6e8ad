namespace EvalHarness.Japanese.Quality;

internal enum ListMarkerKind
{
    None,

    /// <summary>-, *, +, ・, •, ● and similar.</summary>
    Unordered,

    /// <summary>1. 1) (1) １． ① ❶ and similar.</summary>
    Ordered,
}
