using EvalHarness.Logs;
using EvalHarness.Scoring;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// Sorts sample records into the explorer's verdicts and score kinds. A scorer gives verdicts when it
/// declares itself pass/fail, the rule the overview uses: chosen by declaration, not by the values a run
/// happened to produce, since a BLEU of 35 on a 0-100 scale is not a pass and a char_f1 of 0.5 is not
/// half of one.
/// </summary>
internal sealed class SampleClassifier
{
    private readonly Dictionary<string, HashSet<string>> _passFail = new(StringComparer.Ordinal);

    public SampleClassifier(LogHeader header)
    {
        foreach (var suite in header.Suites)
        {
            var ids = _passFail.TryGetValue(suite.Name, out var existing) ? existing : _passFail[suite.Name] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scorer in suite.Scorers.Where(s => s.Meaning.Kind == ScoreKind.PassFail))
            {
                ids.Add(scorer.Id);
            }
        }
    }

    public SampleClass Classify(SampleRecord record)
    {
        var passFail = _passFail.GetValueOrDefault(record.Suite);
        var verdicts = new List<double>();
        var graded = false;
        var scorerError = false;
        foreach (var (scorer, score) in record.Scores ?? new Dictionary<string, Scoring.Score>())
        {
            if (score.Value is not { } value)
            {
                scorerError = true;
            }
            else if (passFail is not null && passFail.Contains(scorer))
            {
                verdicts.Add(value);
            }
            else
            {
                graded = true;
            }
        }

        var kind = graded ? "graded" : verdicts.Count > 0 ? "verdict" : "unscored";
        return new SampleClass(Verdict(record, verdicts, kind), kind, scorerError);
    }

    private static string Verdict(SampleRecord record, List<double> verdicts, string kind)
    {
        if (record.IsError)
        {
            return "error";
        }

        if (verdicts.Count == 0)
        {
            return kind;
        }

        if (verdicts.TrueForAll(v => v >= 1))
        {
            return "pass";
        }

        return verdicts.Exists(v => v <= 0) ? "fail" : "partial";
    }
}
