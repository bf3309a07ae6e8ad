using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using CsvHelper.Configuration;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>Reads a CSV with a header row; every cell becomes a text field named by its column.</summary>
public static class CsvDatasetReader
{
    private static readonly char[] LikelyDelimiters = [',', ';', '\t', '|'];

    /// <param name="text">The file's text.</param>
    /// <param name="displayPath">The file as messages name it.</param>
    /// <param name="delimiter">The separator to read with.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="switchTo">
    /// How the suite selects another separator (the setting to change), for formats that allow one: a file
    /// that reads as a single column is then reported once with that advice instead of as missing columns on every line.
    /// </param>
    public static List<RawRecord> Read(string text, string displayPath, char delimiter, DiagnosticBag diagnostics, Func<char, string>? switchTo = null)
    {
        using var reader = new StringReader(text);
        return [.. Stream(reader, displayPath, delimiter, diagnostics, switchTo)];
    }

    /// <summary>The records of <paramref name="text"/> one at a time, reported as <see cref="Read"/> reports them.</summary>
    public static IEnumerable<RawRecord> Stream(TextReader text, string displayPath, char delimiter, DiagnosticBag diagnostics, Func<char, string>? switchTo = null)
    {
        var count = 0;
        var badDataLine = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = args => badDataLine = args.Context.Parser?.RawRow ?? 0,
            DetectColumnCountChanges = false,
        };

        using var parser = new CsvParser(text, config, leaveOpen: true);
        if (!parser.Read())
        {
            diagnostics.Error(displayPath, 0, 0, null, "the file is empty; a header row naming the columns is required");
            yield break;
        }

        var headers = parser.Record ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = headers[i].Trim();
            if (headers[i].Length == 0)
            {
                diagnostics.Error(displayPath, 1, 0, null, $"column {i + 1} has no name in the header row");
            }
            else if (!seen.Add(headers[i]))
            {
                diagnostics.Error(displayPath, 1, 0, headers[i], "the header row names this column twice");
            }
        }

        if (switchTo is not null && headers.Length == 1 && LikelyDelimiter(headers[0], delimiter) is ({ } likely, var columns))
        {
            diagnostics.Error(displayPath, 1, 0, null, $"the header row is a single column when split at {Describe(delimiter)}, but {columns} columns at {Describe(likely)}: {switchTo(likely)}");
            yield break;
        }

        var previousEnd = parser.RawRow;
        while (parser.Read())
        {
            var startLine = previousEnd + 1;
            previousEnd = parser.RawRow;
            var cells = parser.Record ?? [];
            if (badDataLine > 0)
            {
                diagnostics.Error(displayPath, startLine, 0, null, "a quote (\") is misplaced; quote the whole cell and double any quote inside it");
                badDataLine = 0;
                continue;
            }

            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }

            if (cells.Length != headers.Length)
            {
                diagnostics.Error(displayPath, startLine, 0, null, $"has {cells.Length} cells but the header has {headers.Length} columns");
                continue;
            }

            var fields = new JsonObject();
            for (var i = 0; i < headers.Length; i++)
            {
                if (headers[i].Length > 0)
                {
                    fields[headers[i]] = cells[i];
                }
            }

            count++;
            yield return new RawRecord(startLine, fields);
        }

        if (count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(displayPath, 0, 0, null, "the dataset has no records");
        }
    }

    /// <summary>The separator as it is written in suite.yaml: <c>";"</c>, or <c>"\t"</c> for a tab.</summary>
    public static string AsYaml(char delimiter) => delimiter == '\t' ? "\"\\t\"" : $"\"{delimiter}\"";

    private static (char? Delimiter, int Columns) LikelyDelimiter(string header, char delimiter)
    {
        char? best = null;
        var bestColumns = 1;
        foreach (var candidate in LikelyDelimiters)
        {
            var columns = header.Split(candidate).Count(name => name.Trim().Length > 0);
            if (candidate != delimiter && columns > bestColumns)
            {
                (best, bestColumns) = (candidate, columns);
            }
        }

        return (best, bestColumns);
    }

    private static string Describe(char delimiter) => delimiter switch
    {
        '\t' => "tabs",
        ',' => "commas",
        ';' => "semicolons",
        _ => $"'{delimiter}'",
    };
}
