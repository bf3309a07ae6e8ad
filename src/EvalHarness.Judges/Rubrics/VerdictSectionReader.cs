using EvalHarness.Configuration;
using EvalHarness.Judges.Verdicts;

namespace EvalHarness.Judges.Rubrics;

/// <summary>Reads a rubric's <c>verdict</c> section: <c>{kind: labels, labels: {C: 1, I: 0}}</c> or <c>{kind: scale, min: 1, max: 5}</c>.</summary>
internal static class VerdictSectionReader
{
    public static VerdictGrammar? Read(ConfigSection section)
    {
        var kind = section.GetString("kind", required: true);
        VerdictGrammar? grammar = null;
        switch (kind)
        {
            case "labels":
                grammar = ReadLabels(section);
                break;
            case "scale":
                grammar = ReadScale(section);
                break;
            case null:
                break;
            default:
                section.Error("kind", "must be labels (a fixed set of verdicts, each with a value) or scale (whole numbers from min to max)");
                return null;
        }

        section.ReportUnknownKeys();
        return grammar;
    }

    private static LabelsGrammar? ReadLabels(ConfigSection section)
    {
        if (section.GetSection("labels", required: true) is not { } labels)
        {
            return null;
        }

        var list = new List<VerdictLabel>();
        var valid = true;
        foreach (var (name, _) in labels.Node)
        {
            var value = labels.GetDouble(name, double.MinValue, double.MaxValue, required: true);
            if (!LabelsGrammar.IsLabel(name))
            {
                labels.Error(name, "a label is an ASCII word starting with a letter (C, I, REFUSAL, NOT_SURE)");
                valid = false;
            }
            else if (list.Find(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) is { } twin)
            {
                labels.Error(name, $"differs from '{twin.Name}' only in case, and judges' answers are read without regard to case");
                valid = false;
            }
            else if (value is { } v)
            {
                list.Add(new VerdictLabel(name, v));
            }
            else
            {
                valid = false;
            }
        }

        if (valid && list.Count < 2)
        {
            section.Error("labels", "needs at least two labels");
            valid = false;
        }

        return valid ? new LabelsGrammar(list) : null;
    }

    private static ScaleGrammar? ReadScale(ConfigSection section)
    {
        var min = section.GetInt("min", required: true);
        var max = section.GetInt("max", required: true);
        if (min is null || max is null)
        {
            return null;
        }

        if (max <= min)
        {
            section.Error("max", "must be greater than min");
            return null;
        }

        return new ScaleGrammar(min.Value, max.Value);
    }
}
