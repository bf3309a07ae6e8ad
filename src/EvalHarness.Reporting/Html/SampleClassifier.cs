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
        // Counted, not collected: this runs for every sample of a run that may have a million.
        var verdicts = 0;
        var passes = 0;
        var fails = 0;
        var graded = false;
        var scorerError = false;
        if (record.Scores is { } scores)
        {
            foreach (var (scorer, score) in scores)
            {
                if (score.Value is not { } value)
                {
                    scorerError = true;
                }
                else if (passFail is not null && passFail.Contains(scorer))
                {
                    verdicts++;
                    passes += value >= 1 ? 1 : 0;
                    fails += value <= 0 ? 1 : 0;
                }
                else
                {
                    graded = true;
                }
            }
        }

        var kind = graded ? "graded" : verdicts > 0 ? "verdict" : "unscored";
        var verdict = record.IsError ? "error"
            : verdicts == 0 ? kind
            : passes == verdicts ? "pass"
            : fails > 0 ? "fail"
            : "partial";
        return new SampleClass(verdict, kind, scorerError);
    }
}
