using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Validation;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Japanese.Formats;

/// <summary>
/// JGLUE's JSQuAD in SQuAD v1.1 layout: <c>data[].paragraphs[].qas[]</c>. Every question becomes a
/// sample whose targets are all distinct reference answers; messages point at the question's own
/// object (line and column, since JGLUE ships the file as one line).
/// </summary>
internal sealed class JsquadFormat : IDatasetFormat
{
    // Root, data, article, paragraphs, paragraph, qas: a question object sits inside six containers.
    private const int QuestionDepth = 6;

    private JsquadFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new JsquadFormat();

    public string Name => "jsquad";

    public string Description => "JGLUE JSQuAD (SQuAD v1.1 JSON: data, paragraphs, qas): reading comprehension, one sample per question";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => "id";

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        if (LocatedJson.Parse(source.Text, source.DisplayPath, QuestionDepth, diagnostics) is not { } json)
        {
            return records;
        }

        if (json.Root is not JsonObject rootObject)
        {
            diagnostics.Error(source.DisplayPath, 1, 1, null, $"must be one JSON object with a 'data' list (SQuAD v1.1 layout), not {SourceFields.Describe(json.Root)}");
            return records;
        }

        var reader = new Reader(json, records);
        var (rootLine, rootColumn) = json.PositionOf(string.Empty);
        var root = new SourceFields(rootObject, string.Empty, source.DisplayPath, rootLine, rootColumn, diagnostics);
        if (root.List("data") is { } data)
        {
            for (var i = 0; i < data.Count; i++)
            {
                reader.Article(root, data[i], ConfigPath.Index("data", i));
            }
        }

        if (records.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(source.DisplayPath, 0, 0, null, "the dataset has no questions");
        }

        return records;
    }

    private sealed class Reader(LocatedJson json, List<RawRecord> records)
    {
        public void Article(SourceFields parent, JsonNode? node, string path)
        {
            var (line, column) = json.PositionOf(path);
            if (parent.Child(node, path, line, column) is not { } article)
            {
                return;
            }

            var title = article.Text("title");
            if (article.List("paragraphs") is not { } paragraphs || title is null)
            {
                return;
            }

            for (var j = 0; j < paragraphs.Count; j++)
            {
                Paragraph(article, paragraphs[j], ConfigPath.Index(article.Field("paragraphs"), j), title);
            }
        }

        private void Paragraph(SourceFields parent, JsonNode? node, string path, string title)
        {
            var (line, column) = json.PositionOf(path);
            if (parent.Child(node, path, line, column) is not { } paragraph)
            {
                return;
            }

            var context = paragraph.Text("context");
            if (paragraph.List("qas") is not { } questions || context is null)
            {
                return;
            }

            for (var k = 0; k < questions.Count; k++)
            {
                Question(paragraph, questions[k], ConfigPath.Index(paragraph.Field("qas"), k), title, context);
            }
        }

        private void Question(SourceFields parent, JsonNode? node, string path, string title, string context)
        {
            var (line, column) = json.PositionOf(path);
            if (parent.Child(node, path, line, column) is not { } qa)
            {
                return;
            }

            var id = qa.Id("id");
            var question = qa.Text("question");
            var impossible = qa.OptionalBool("is_impossible");
            var answers = Answers(qa);
            if (qa.HasErrors || id is null || question is null || answers is null)
            {
                return;
            }

            if (impossible == true)
            {
                // SQuAD 2.0 style unanswerable questions have no reference to score against.
                qa.Warning(qa.Field("is_impossible"), $"question '{id}' is skipped: it is marked unanswerable, so there is no answer to score against");
                return;
            }

            if (answers.Count == 0)
            {
                qa.Error(qa.Field("answers"), "is an empty list; an answerable question needs at least one answer");
                return;
            }

            var input = FormatPrompts.Render(FormatPrompts.Jsquad, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["context"] = context,
                ["question"] = question,
            });
            records.Add(StandardRecord.Create(line, id, input, targets: answers, metadata: [new("title", title)]));
        }

        /// <summary>The distinct answer texts in file order; null when any answer is malformed.</summary>
        private static List<string>? Answers(SourceFields qa)
        {
            if (qa.List("answers") is not { } answers)
            {
                return null;
            }

            var texts = new List<string>(answers.Count);
            var ok = true;
            for (var a = 0; a < answers.Count; a++)
            {
                var path = ConfigPath.Index(qa.Field("answers"), a);
                if (qa.Child(answers[a], path, qa.Line, qa.Column) is { } answer && answer.Text("text") is { } text)
                {
                    if (!texts.Contains(text, StringComparer.Ordinal))
                    {
                        texts.Add(text);
                    }
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? texts : null;
        }
    }
}
