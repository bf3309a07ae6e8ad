using EvalHarness.Metrics;

namespace EvalHarness.Judges.Agreement;

/// <summary>Cohen's κ with its large-sample standard error and confidence interval (<see cref="CohenKappaInterval"/>).</summary>
public sealed record KappaInterval(double Kappa, double StandardError, ConfidenceInterval Interval);
