using System.Globalization;
using System.Text;
using System.Xml;
using EvalHarness.Gating;
using EvalHarness.Infrastructure;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// The verdict as JUnit XML for CI test views: one testcase per rule evaluation, and on request one per failed
/// sample of failing thresholds. Written with XmlWriter; every text is cleared of characters XML 1.0 cannot hold.
/// </summary>
internal static class GateJunit
{
    /// <summary>Failed-sample testcases in one file at most, across all rules.</summary>
    public const int MaxSampleCases = 500;

    public static void Write(string path, GateVerdict verdict, bool samples) => AtomicFile.Write(path, stream =>
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var xml = XmlWriter.Create(stream, settings);
        var failedSamples = samples
            ? verdict.Outcomes.Where(o => o.Failed).SelectMany(o => (o.FailedSamples ?? []).Select(s => (Outcome: o, Sample: s))).ToList()
            : [];
        var sampleCases = failedSamples.Take(MaxSampleCases).ToList();
        var tests = verdict.Outcomes.Count + sampleCases.Count;
        var failures = verdict.FailedCount + sampleCases.Count;
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "evalh gate");
        xml.WriteAttributeString("tests", Count(tests));
        xml.WriteAttributeString("failures", Count(failures));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Count(verdict.SkippedCount));

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", Clean("gate " + verdict.Policy));
        xml.WriteAttributeString("tests", Count(verdict.Outcomes.Count));
        xml.WriteAttributeString("failures", Count(verdict.FailedCount));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Count(verdict.SkippedCount));
        xml.WriteAttributeString("timestamp", verdict.Evaluated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteStartElement("properties");
        Property(xml, "policy", verdict.Policy);
        Property(xml, "policy_sha256", verdict.PolicySha256);
        Property(xml, "run", verdict.RunId);
        Property(xml, "model", verdict.Model);
        Property(xml, "run_status", verdict.RunStatus);
        if (verdict.BaselineRunId is not null)
        {
            Property(xml, "baseline", verdict.BaselineRunId);
        }

        Property(xml, "alpha", GateText.Number(verdict.Alpha));
        Property(xml, "correction", verdict.Correction);
        Property(xml, "passed", verdict.Passed ? "true" : "false");
        xml.WriteEndElement();
        foreach (var outcome in verdict.Outcomes)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", Clean("gate." + outcome.Rule));
            xml.WriteAttributeString("name", Clean(outcome.Scope));
            xml.WriteAttributeString("time", "0");
            if (outcome.Status == OutcomeStatus.Fail)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", Clean(outcome.Reason));
                xml.WriteAttributeString("type", outcome.Kind);
                xml.WriteString(Clean($"{outcome.Kind} {outcome.Scope}: {outcome.Reason} (limit: {outcome.Limit})"));
                xml.WriteEndElement();
            }
            else if (outcome.Status == OutcomeStatus.Skipped)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", Clean(outcome.Reason));
                xml.WriteEndElement();
            }
            else
            {
                xml.WriteElementString("system-out", Clean(outcome.Reason));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        if (samples)
        {
            WriteSamples(xml, sampleCases, failedSamples.Count, verdict);
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    });

    private static void WriteSamples(XmlWriter xml, List<(RuleOutcome Outcome, FailedSample Sample)> cases, int listed, GateVerdict verdict)
    {
        var total = verdict.Outcomes.Where(o => o.Failed).Sum(o => o.FailedSamplesTotal ?? 0);
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", "failed samples");
        xml.WriteAttributeString("tests", Count(cases.Count));
        xml.WriteAttributeString("failures", Count(cases.Count));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteStartElement("properties");
        Property(xml, "failed_samples_total", Count(total));
        Property(xml, "failed_samples_listed", Count(cases.Count));
        Property(xml, "cap", $"at most {GateEvaluator.MaxFailedSamples} per failing check and {MaxSampleCases} in all; gate.json lists {Count(listed)}");
        xml.WriteEndElement();
        foreach (var (outcome, sample) in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", Clean($"samples.{outcome.Rule}.{outcome.Scorer}"));
            xml.WriteAttributeString("name", Clean($"{sample.Suite}/{sample.Id}"));
            xml.WriteAttributeString("time", "0");
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(sample.Explanation ?? $"{outcome.Scorer} failed"));
            xml.WriteAttributeString("type", "sample");
            xml.WriteString(Clean($"{outcome.Scope}\noutput: {sample.Output ?? "(none)"}"));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>Characters XML 1.0 cannot hold (most control characters, lone surrogates) become U+FFFD; the rest is escaped by the writer.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                result?.Append(c);
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                result?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            result ??= new StringBuilder(text, 0, i, text.Length);
            result.Append('\uFFFD');
        }

        return result?.ToString() ?? text;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
