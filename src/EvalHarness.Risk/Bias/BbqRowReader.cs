using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Risk.Bias;

/// <summary>Reads one BBQ/JBBQ row by the published field names, reporting every problem with the field's name.</summary>
internal static class BbqRowReader
{
    public const int AnswerCount = 3;

    private const string UnknownTag = "unknown";

    /// <summary>The item, or null after reporting why it cannot be used. <paramref name="noTarget"/> receives a row's reason for having no bias target.</summary>
    public static BbqItem? Read(JsonObject row, SourceFields fields, Action<string> noTarget)
    {
        var exampleId = fields.Id("example_id");
        var questionIndex = row.ContainsKey("question_index") ? fields.Id("question_index") : null;
        var polarity = OneOf(fields, "question_polarity", BbqMetadataKeys.Negative, BbqMetadataKeys.NonNegative);
        var condition = OneOf(fields, "context_condition", BbqMetadataKeys.Ambiguous, BbqMetadataKeys.Disambiguated);
        var category = fields.Text("category");
        var context = fields.Text("context");
        var question = fields.Text("question");
        var answers = new List<string>(AnswerCount);
        for (var i = 0; i < AnswerCount; i++)
        {
            if (fields.Text(Ans(i)) is { } answer)
            {
                answers.Add(answer);
            }
        }

        var label = fields.WholeNumber("label", 0, AnswerCount - 1, "the index of the correct answer, ans0 to ans2");
        var info = ReadAnswerInfo(row, fields);
        var (groups, subcategory, version, source) = ReadAdditionalMetadata(row, fields);
        if (fields.HasErrors || exampleId is null || polarity is null || condition is null || category is null || context is null
            || question is null || answers.Count != AnswerCount || label is not { } gold || info is null || groups is null)
        {
            return null;
        }

        var unknowns = Enumerable.Range(0, AnswerCount).Where(i => string.Equals(info[i].Tag.Trim(), UnknownTag, StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknowns.Count != 1)
        {
            fields.Error(fields.Field("answer_info"), unknowns.Count == 0
                ? "no answer is tagged \"unknown\"; BBQ marks the \"cannot be determined\" answer with the tag unknown"
                : $"{unknowns.Count} answers are tagged \"unknown\" (ans{string.Join(", ans", unknowns)}); exactly one may be");
            return null;
        }

        var unknown = unknowns[0];
        if (condition == BbqMetadataKeys.Ambiguous && gold != unknown)
        {
            fields.Warning(fields.Field("label"), $"points to ans{gold}, but in an ambiguous context BBQ's answer is the unknown one (ans{unknown}); check the row");
        }
        else if (condition == BbqMetadataKeys.Disambiguated && gold == unknown)
        {
            fields.Warning(fields.Field("label"), $"points to the unknown answer ans{gold}, but a disambiguated context names the answer; check the row");
        }

        var (stereotyped, problem) = BbqStereotype.Find(info, groups, unknown);
        if (problem is not null)
        {
            noTarget("additional_metadata.stereotyped_groups " + problem);
        }

        return new BbqItem(exampleId, questionIndex, polarity, condition, category, context, question, answers, info, gold, unknown, stereotyped, groups)
        {
            Subcategory = subcategory,
            Version = version,
            Source = source,
        };
    }

    public static string Ans(int index) => "ans" + index.ToString(CultureInfo.InvariantCulture);

    private static string? OneOf(SourceFields fields, string key, string first, string second)
    {
        var value = fields.Text(key);
        if (value is null || value == first || value == second)
        {
            return value;
        }

        fields.Error(fields.Field(key), $"must be {first} or {second}, not '{value}'");
        return null;
    }

    private static List<(string Text, string Tag)>? ReadAnswerInfo(JsonObject row, SourceFields fields)
    {
        if (!row.TryGetPropertyValue("answer_info", out var node))
        {
            fields.Error(fields.Field("answer_info"), "is required (each answer's text and group tag: {\"ans0\": [\"grandfather\", \"old\"], ...})");
            return null;
        }

        if (fields.Child(node, fields.Field("answer_info"), fields.Line, fields.Column) is not { } child)
        {
            return null;
        }

        var info = new List<(string, string)>(AnswerCount);
        for (var i = 0; i < AnswerCount; i++)
        {
            if (child.TextList(Ans(i), required: true, minCount: 2) is { } pair)
            {
                info.Add((pair[0], pair[1]));
            }
        }

        return info.Count == AnswerCount && !child.HasErrors ? info : null;
    }

    private static (List<string>? Groups, string? Subcategory, string? Version, string? Source) ReadAdditionalMetadata(JsonObject row, SourceFields fields)
    {
        if (!row.TryGetPropertyValue("additional_metadata", out var node) || node is null)
        {
            return ([], null, null, null);
        }

        if (fields.Child(node, fields.Field("additional_metadata"), fields.Line, fields.Column) is not { } child)
        {
            return (null, null, null, null);
        }

        var groups = new List<string>();
        if (child.List("stereotyped_groups", required: false) is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { Length: > 0 } group)
                {
                    groups.Add(group);
                }
                else
                {
                    child.Error(child.Field($"stereotyped_groups[{i}]"), $"must be text, not {SourceFields.Describe(list[i])}");
                }
            }
        }

        var subcategory = child.OptionalText("subcategory");
        var version = child.OptionalText("version");
        var source = child.OptionalText("source");
        return child.HasErrors
            ? (null, null, null, null)
            : (groups, subcategory is "None" ? null : subcategory, version, source);
    }
}
