namespace EvalHarness.Gating;

/// <summary>The run overview's taxonomies a threshold may check entry by entry: pass rates per risk, perspective or quality category.</summary>
public enum OverviewKind
{
    Risk,

    Perspective,

    Quality,
}
