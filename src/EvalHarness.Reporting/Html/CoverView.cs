using System.Globalization;
using EvalHarness.Reports;
using EvalHarness.Results;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// The one-page summary the report opens with, for a procurement file: who was evaluated and when, on which suites,
/// how much of the AI Basic Plan's risks the run measured, the gate's verdict and the evidence pack's signature.
/// Every figure is one the rest of the report shows in detail; this page only gathers them.
/// </summary>
internal static class CoverView
{
    public static object Build(ReportInput input)
    {
        var results = input.Results;
        var risks = results.Overview.Risks;
        return new
        {
            Suites = results.Suites.Select(s => new
            {
                s.Name,
                s.Version,
                s.Language,
                Scored = s.Counts.Scored.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            RisksMeasured = risks.Count(r => r.Measured).ToString(CultureInfo.InvariantCulture),
            RisksTotal = risks.Count.ToString(CultureInfo.InvariantCulture),
            Risks = risks.Select(r => new
            {
                r.Id,
                r.English,
                r.Japanese,
                r.Measured,
                Value = MetricFormat.Value(true, r.Value),
                Interval = MetricFormat.Interval(true, r.CiLow, r.CiHigh),
                N = r.N.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Gated = input.Gate is not null,
            GatePassed = input.Gate?.Passed ?? false,
            Signature = input.SignatureFingerprint,
        };
    }
}
