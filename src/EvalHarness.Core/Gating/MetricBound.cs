namespace EvalHarness.Gating;

/// <summary>Which number of a metric a threshold compares: the value itself or an end of its interval.</summary>
public enum MetricBound
{
    Value,

    Lower,

    Upper,
}
