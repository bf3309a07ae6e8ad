using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;
using EvalHarness.Solvers;
using EvalHarness.Suites;
using EvalHarness.Taxonomy;
using EvalHarness.Validation;

namespace EvalHarness.Japanese.Aisev;

/// <summary>Turns the rows aisev evaluates into standard records, stamping GSN weights when GSN files are given.</summary>
internal sealed class AisevRecordBuilder
{
    private const int ShownValues = 5;

    private readonly string _file;
    private readonly IReadOnlyList<string> _choiceColumns;
    private readonly GsnWeights? _gsn;
    private readonly DiagnosticBag _diagnostics;
    private readonly string? _presetPrefix;
    private readonly Dictionary<string, int> _lineById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AisevRow>> _unknownPerspectives = new(StringComparer.Ordinal);
    private readonly List<AisevRow> _notLeaves = [];
    private readonly List<(AisevRow Row, GsnLeaf Leaf, string Perspective)> _otherTree = [];

    public AisevRecordBuilder(string file, IReadOnlyList<string> columns, GsnWeights? gsn, DiagnosticBag diagnostics)
    {
        _file = file;
        _choiceColumns = columns.Where(AisevColumns.IsChoice).ToList();
        _gsn = gsn;
        _diagnostics = diagnostics;
        _presetPrefix = AisevIds.PresetPrefix(file);
    }

    /// <summary>The GSN files some record carries a weight from.</summary>
    public HashSet<string> TreesUsed { get; } = new(StringComparer.Ordinal);

    public RawRecord Build(AisevRow row, AisevScorerKind kind)
    {
        var text = row.Cell(AisevColumns.Text)!;
        var output = row.Cell(AisevColumns.Output);
        var metadata = new List<KeyValuePair<string, string>>();
        var perspective = Perspective(row, metadata);
        Add(metadata, AisevMetadataKeys.Requirement, row.Cell(AisevColumns.Requirement));
        Add(metadata, AisevMetadataKeys.Scorer, row.Cell(AisevColumns.Scorer));
        if (row.Cell(AisevColumns.Gsn) is { } gsn)
        {
            metadata.Add(new(AisevMetadataKeys.GsnPerspective, gsn));
            Stamp(row, gsn, perspective, metadata);
        }

        List<string>? choices = null;
        JsonNode input = text;
        if (kind == AisevScorerKind.Choice)
        {
            // aisev takes the options in column order and skips empty cells, so later options move up a letter.
            choices = _choiceColumns.Select(row.Cell).OfType<string>().ToList();
            input = MultipleChoicePrompt(text, choices);
            CheckLetters(row, output, choices.Count);
        }

        var record = StandardRecord.Create(row.Line, Id(row), input, output is null ? null : [output], choices, metadata);
        record.Fields[FieldMapping.Default.Scorers] = new JsonArray(kind.Id);
        return record;
    }

    /// <summary>Reports, once each, the rows the GSN weighting or the perspective names could not place.</summary>
    public void ReportLeftovers()
    {
        foreach (var (value, rows) in _unknownPerspectives)
        {
            _diagnostics.Warning(_file, rows[0].Line, 0, AisevColumns.Perspective,
                $"'{value}' is none of the ten perspectives (aisev's Japanese or English names); {(rows.Count == 1 ? "its row is" : $"its {rows.Count} rows are")} scored and grouped under '{AisevMetadataKeys.UnknownPerspective}', and count in no perspective's score, as in aisev");
        }

        if (_notLeaves.Count > 0)
        {
            var values = string.Join(", ", _notLeaves.Select(r => r.Cell(AisevColumns.Gsn)!).Distinct(StringComparer.Ordinal).Take(ShownValues).Select(v => $"'{v}'"));
            _diagnostics.Warning(_file, _notLeaves[0].Line, 0, AisevColumns.Gsn,
                $"{Count(_notLeaves.Count)} {(_notLeaves.Count == 1 ? "names" : "name")} a gsn_perspective that is no leaf of the --gsn files ({values}); they count in aisev_score but not in aisev_gsn, as aisev leaves them out of GSN scoring");
        }

        foreach (var group in _otherTree.GroupBy(o => (o.Leaf.Perspective, o.Perspective)))
        {
            var first = group.First();
            _diagnostics.Warning(_file, first.Row.Line, 0, AisevColumns.Gsn,
                $"{Count(group.Count())} of perspective '{first.Perspective}' {(group.Count() == 1 ? "names" : "name")} leaves of the {first.Leaf.Perspective} GSN file (such as {first.Leaf.Id}); they count in aisev_score but not in aisev_gsn (aisev would score them under {first.Leaf.Perspective} in GSN mode)");
        }
    }

    private string? Perspective(AisevRow row, List<KeyValuePair<string, string>> metadata)
    {
        // aisev trims the name and accepts its Japanese and English spellings; an unknown one stays as written.
        var value = row.Cell(AisevColumns.Perspective)!;
        if (Perspectives.Find(value) is { } entry)
        {
            metadata.Add(new(MetadataKeys.Perspective, entry.Id));
            return entry.Id;
        }

        metadata.Add(new(AisevMetadataKeys.UnknownPerspective, value.Trim()));
        if (!_unknownPerspectives.TryGetValue(value.Trim(), out var rows))
        {
            _unknownPerspectives[value.Trim()] = rows = [];
        }

        rows.Add(row);
        return null;
    }

    private void Stamp(AisevRow row, string cell, string? perspective, List<KeyValuePair<string, string>> metadata)
    {
        if (_gsn is null)
        {
            return;
        }

        // Exact equality, as aisev builds its GSN datasets: a list of leaves in one cell names no leaf.
        if (_gsn.Find(cell) is not { } leaf)
        {
            _notLeaves.Add(row);
            return;
        }

        if (perspective is null || leaf.Perspective != perspective)
        {
            _otherTree.Add((row, leaf, perspective ?? row.Cell(AisevColumns.Perspective)!));
            return;
        }

        metadata.Add(new(AisevMetadataKeys.GsnLeaf, leaf.Id));
        metadata.Add(new(AisevMetadataKeys.GsnWeight, leaf.Weight.ToString("R", CultureInfo.InvariantCulture)));
        metadata.Add(new(AisevMetadataKeys.GsnTree, leaf.Perspective));
        TreesUsed.Add(leaf.File);
    }

    private string Id(AisevRow row)
    {
        var id = row.Cell(AisevColumns.Id)?.Trim() is { Length: > 0 } given ? given : AisevIds.Synthetic(_presetPrefix, row);
        if (_lineById.TryGetValue(id, out var first))
        {
            // aisev scores both rows (its GSN registration keeps only the last); ids here must be unique.
            var unique = id + "@" + row.Line.ToString(CultureInfo.InvariantCulture);
            _diagnostics.Warning(_file, row.Line, 0, AisevColumns.Id, $"ID '{id}' is also used on line {first}; this row is the sample '{unique}'");
            id = unique;
        }

        _lineById[id] = row.Line;
        return id;
    }

    private void CheckLetters(AisevRow row, string? output, int count)
    {
        // Inspect compares the letters of output, one index per character, with the letters chosen.
        if (output is not null && (output.Any(c => !char.IsAsciiLetter(c) || char.ToUpperInvariant(c) - 'A' >= count) || output.ToUpperInvariant().Distinct().Count() != output.Length))
        {
            _diagnostics.Warning(_file, row.Line, 0, AisevColumns.Output,
                $"'{output}' can never be scored correct: multiple choice compares each character of output with the letters chosen, so it must be distinct letters from A to {ChoiceLabels.Letter(Math.Max(0, count - 1))} without spaces or commas (e.g. B, or AC for two)");
        }
    }

    private static string MultipleChoicePrompt(string question, List<string> choices) =>
        BuiltInPrompts.MultipleChoice("en").Render(name => name switch
        {
            "question" or "prompt" => question,
            "choices" => TemplateVariables.FormatChoices(choices),
            "letters" => ChoiceLabels.LetterList(choices.Count),
            _ => null,
        });

    private static void Add(List<KeyValuePair<string, string>> metadata, string key, string? value)
    {
        if (value is not null)
        {
            metadata.Add(new(key, value));
        }
    }

    private static string Count(int rows) => rows == 1 ? "1 row" : rows.ToString(CultureInfo.InvariantCulture) + " rows";
}
