using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// TruthfulQA's JSON: a list of questions (the original <c>mc_task.json</c>) or one question per line (JSON
/// Lines exports). A question with <c>mc1_targets</c>/<c>mc2_targets</c> gives an MC1 and an MC2 sample
/// (<c>&lt;n&gt;-mc1</c>, <c>&lt;n&gt;-mc2</c>); one with <c>correct_answers</c> gives a free-answer sample.
/// </summary>
internal static class TruthfulQaJson
{
    public static List<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        var first = source.Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (first.StartsWith('['))
        {
            if (LocatedJson.Parse(source.Text, source.DisplayPath, 1, diagnostics) is not { Root: JsonArray list } json)
            {
                return records;
            }

            foreach (var (fields, item, number) in json.ListedObjects(list, source.DisplayPath, diagnostics, "an object with a question"))
            {
                Question(fields, item, number, records);
            }

            return records;
        }

        var lines = JsonlReader.Read(source, diagnostics);
        for (var i = 0; i < lines.Count; i++)
        {
            Question(new SourceFields(lines[i].Fields, string.Empty, source.DisplayPath, lines[i].Line, 0, diagnostics), lines[i].Fields, i + 1, records);
        }

        return records;
    }

    private static void Question(SourceFields fields, JsonObject node, int number, List<RawRecord> records)
    {
        var question = fields.Text("question");
        var id = node.ContainsKey("id") ? fields.Id("id") : number.ToString(CultureInfo.InvariantCulture);
        var labels = Labels(node);
        var hasMc = node.ContainsKey("mc1_targets") || node.ContainsKey("mc2_targets");
        if (!hasMc && TruthfulQaColumns.Find(node, TruthfulQaColumns.Correct) is null && TruthfulQaColumns.Find(node, TruthfulQaColumns.Best) is null)
        {
            fields.Error(null, "has neither mc1_targets/mc2_targets (multiple choice) nor correct_answers/best_answer (generation)");
            return;
        }

        if (!hasMc)
        {
            Generation(fields, node, question, id, labels, records);
            return;
        }

        var mc1 = node.ContainsKey("mc1_targets") ? Options(fields, node["mc1_targets"], "mc1_targets", exactlyOneTrue: true) : null;
        var mc2 = node.ContainsKey("mc2_targets") ? Options(fields, node["mc2_targets"], "mc2_targets", exactlyOneTrue: false) : null;
        if (question is null || id is null || fields.HasErrors)
        {
            return;
        }

        if (mc1 is not null)
        {
            records.Add(TruthfulQaRecords.Mc1(fields.Line, id + "-mc1", question, mc1, labels));
        }

        if (mc2 is not null)
        {
            records.Add(TruthfulQaRecords.Mc2(fields.Line, id + "-mc2", question, mc2, labels));
        }
    }

    private static void Generation(SourceFields fields, JsonObject node, string? question, string? id, List<KeyValuePair<string, string>> labels, List<RawRecord> records)
    {
        var correct = Answers(fields, node, TruthfulQaColumns.Correct);
        var incorrect = Answers(fields, node, TruthfulQaColumns.Incorrect);
        var bestKey = TruthfulQaColumns.Find(node, TruthfulQaColumns.Best);
        var best = bestKey is null ? null : fields.OptionalText(bestKey);
        if (question is null || id is null || fields.HasErrors)
        {
            return;
        }

        if (best is null && correct.Count == 0)
        {
            fields.Error(fields.Field("correct_answers"), "no correct answer: the question needs a best answer or at least one correct answer");
            return;
        }

        records.Add(TruthfulQaRecords.Generation(fields.Line, id, question, best, correct, incorrect, labels));
    }

    private static List<string> Answers(SourceFields fields, JsonObject node, string[] names)
    {
        if (TruthfulQaColumns.Find(node, names) is not { } key || node[key] is null)
        {
            return [];
        }

        if (node[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            if (AnswerList.Parse(value.GetValue<string>(), out var error) is { } parsed)
            {
                return parsed;
            }

            fields.Error(fields.Field(key), error ?? "not a list of answers");
            return [];
        }

        return fields.TextList(key, required: false, minCount: 0) ?? [];
    }

    /// <summary>Either <c>{"answer": 1, "other": 0}</c> (TruthfulQA) or <c>{"choices": [...], "labels": [1, 0]}</c> (Hugging Face).</summary>
    private static List<TruthfulQaOption>? Options(SourceFields fields, JsonNode? node, string key, bool exactlyOneTrue)
    {
        var field = fields.Field(key);
        if (node is not JsonObject targets)
        {
            fields.Error(field, $"must be an object of answer → 0 or 1, or {{\"choices\": [...], \"labels\": [...]}}, not {SourceFields.Describe(node)}");
            return null;
        }

        var options = targets.ContainsKey("choices") && targets.ContainsKey("labels")
            ? ChoicesAndLabels(fields, targets, field)
            : AnswerMap(fields, targets, field);
        if (options is null)
        {
            return null;
        }

        var trueCount = options.Count(o => o.IsTrue);
        if (options.Count < 2)
        {
            fields.Error(field, "needs at least two answers");
            return null;
        }

        if (exactlyOneTrue ? trueCount != 1 : trueCount == 0)
        {
            fields.Error(field, exactlyOneTrue
                ? $"MC1 needs exactly one true answer (label 1), not {trueCount.ToString(CultureInfo.InvariantCulture)}"
                : "MC2 needs at least one true answer (label 1)");
            return null;
        }

        return options;
    }

    private static List<TruthfulQaOption>? AnswerMap(SourceFields fields, JsonObject targets, string field)
    {
        var options = new List<TruthfulQaOption>();
        foreach (var (answer, label) in targets)
        {
            if (Label(label) is not { } isTrue)
            {
                fields.Error(ConfigPath.Child(field, answer), $"must be 0 or 1 (1 = a true answer), not {SourceFields.Describe(label)} {label?.ToJsonString()}".TrimEnd());
                return null;
            }

            options.Add(new TruthfulQaOption(answer, isTrue));
        }

        return options;
    }

    private static List<TruthfulQaOption>? ChoicesAndLabels(SourceFields fields, JsonObject targets, string field)
    {
        if (targets["choices"] is not JsonArray choices || targets["labels"] is not JsonArray labels)
        {
            fields.Error(field, "choices and labels must both be lists");
            return null;
        }

        if (choices.Count != labels.Count)
        {
            fields.Error(field, $"has {choices.Count.ToString(CultureInfo.InvariantCulture)} choices but {labels.Count.ToString(CultureInfo.InvariantCulture)} labels");
            return null;
        }

        var options = new List<TruthfulQaOption>();
        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Trim().Length == 0)
            {
                fields.Error(ConfigPath.Index(ConfigPath.Child(field, "choices"), i), "must be non-empty text");
                return null;
            }

            if (Label(labels[i]) is not { } isTrue)
            {
                fields.Error(ConfigPath.Index(ConfigPath.Child(field, "labels"), i), "must be 0 or 1 (1 = a true answer)");
                return null;
            }

            options.Add(new TruthfulQaOption(text.GetValue<string>(), isTrue));
        }

        return options;
    }

    private static bool? Label(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n) && n is 0 or 1 ? n == 1 : null;

    private static List<KeyValuePair<string, string>> Labels(JsonObject node)
    {
        var text = new JsonObject();
        foreach (var (key, value) in node)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                text[key] = v.GetValue<string>();
            }
        }

        return TruthfulQaCsv.Labels(text);
    }
}
