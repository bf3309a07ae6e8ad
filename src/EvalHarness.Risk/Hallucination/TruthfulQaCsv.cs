using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Hallucination;

/// <summary>The generation CSV of TruthfulQA and JTruthfulQA: one free-answer sample per row.</summary>
internal static class TruthfulQaCsv
{
    public static List<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        var rows = CsvDatasetReader.Read(source.Text, source.DisplayPath, source.Delimiter, diagnostics);
        if (rows.Count == 0)
        {
            return records;
        }

        var header = rows[0].Fields;
        var question = TruthfulQaColumns.Find(header, TruthfulQaColumns.Question);
        var correct = TruthfulQaColumns.Find(header, TruthfulQaColumns.Correct);
        var best = TruthfulQaColumns.Find(header, TruthfulQaColumns.Best);
        if (question is null)
        {
            diagnostics.Error(source.DisplayPath, 1, 0, "Question", "the header row has no question column; TruthfulQA-format CSVs have Type, Category, Question, Best Answer (or Original Answer), Correct Answers, Incorrect Answers, Source");
        }

        if (correct is null && best is null)
        {
            diagnostics.Error(source.DisplayPath, 1, 0, "Correct Answers", "the header row has neither a Correct Answers nor a Best Answer (or Original Answer) column, so no answer could be scored");
        }

        if (question is null || (correct is null && best is null))
        {
            return records;
        }

        var incorrect = TruthfulQaColumns.Find(header, TruthfulQaColumns.Incorrect);
        var bestIncorrect = TruthfulQaColumns.Find(header, TruthfulQaColumns.BestIncorrect);
        var idColumn = TruthfulQaColumns.Find(header, TruthfulQaColumns.Id);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var fields = row.Fields;
            var text = Cell(fields, question);
            if (text is null)
            {
                diagnostics.Error(source.DisplayPath, row.Line, 0, question, "is empty; every row needs a question");
                continue;
            }

            var ok = true;
            var correctAnswers = List(fields, correct, source, row.Line, diagnostics, ref ok);
            var incorrectAnswers = List(fields, incorrect, source, row.Line, diagnostics, ref ok);
            if (Cell(fields, bestIncorrect) is { } worst && !incorrectAnswers.Contains(worst, StringComparer.Ordinal))
            {
                incorrectAnswers.Insert(0, worst);
            }

            var bestAnswer = Cell(fields, best);
            if (!ok)
            {
                continue;
            }

            if (bestAnswer is null && correctAnswers.Count == 0)
            {
                diagnostics.Error(source.DisplayPath, row.Line, 0, correct ?? best, "no correct answer: the row needs a best answer or at least one correct answer");
                continue;
            }

            var id = Cell(fields, idColumn) ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            records.Add(TruthfulQaRecords.Generation(row.Line, id, text, bestAnswer, correctAnswers, incorrectAnswers, Labels(fields)));
        }

        return records;
    }

    /// <summary>Type, Category and Source as metadata (<c>type</c>, <c>category</c>, <c>source</c>), so results break down by TruthfulQA's categories.</summary>
    internal static List<KeyValuePair<string, string>> Labels(JsonObject fields)
    {
        var labels = new List<KeyValuePair<string, string>>();
        foreach (var (key, names) in new[] { ("type", TruthfulQaColumns.Type), ("category", TruthfulQaColumns.Category), ("source", TruthfulQaColumns.Source) })
        {
            if (Cell(fields, TruthfulQaColumns.Find(fields, names)) is { } value)
            {
                labels.Add(new(key, value));
            }
        }

        return labels;
    }

    private static List<string> List(JsonObject fields, string? column, DatasetSource source, int line, DiagnosticBag diagnostics, ref bool ok)
    {
        if (Cell(fields, column) is not { } cell)
        {
            return [];
        }

        if (AnswerList.Parse(cell, out var error) is { } answers)
        {
            return answers;
        }

        diagnostics.Error(source.DisplayPath, line, 0, column, error ?? "not a list of answers");
        ok = false;
        return [];
    }

    private static string? Cell(JsonObject fields, string? column) =>
        column is not null && fields[column]?.GetValue<string>() is { } value && value.Trim().Length > 0 ? value.Trim() : null;
}
