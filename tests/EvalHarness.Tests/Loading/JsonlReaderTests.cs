using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading;

/// <summary>
/// JSON Lines are parsed from each line's UTF-8 in a reused buffer rather than from a string per line. A line must
/// still parse, or fail at the column, exactly as parsing its text did.
/// </summary>
[TestFixture]
public sealed class JsonlReaderTests
{
    [TestCase("{\"id\": \"a\", \"input\": \"q\"}")]
    [TestCase("\uFEFF{\"id\": \"a\"}")]
    [TestCase("{\"id\": \"語\", \"input\": \"😀\", oops}")]
    [TestCase("{\"a\": \"é\" \"b\": 1}")]
    [TestCase("  {\"a\": [1, 2,]}")]
    [TestCase("{\"a\": \"\\u00e9\"}")]
    [TestCase("\"just text\"")]
    [TestCase("{\"a\": 1}} trailing")]
    [TestCase("{\"lone\": \"x\uD800y\"}")]
    public void A_line_parses_or_fails_at_the_column_it_did_as_text(string line)
    {
        var diagnostics = new DiagnosticBag();
        var records = JsonlReader.Read(line + "\n", "f", diagnostics);

        JsonNode? expected = null;
        int? column = null;
        try
        {
            expected = JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            column = (int)ex.BytePositionInLine!.Value + 1;
        }
        catch (ArgumentException)
        {
            // A lone surrogate character cannot be parsed as text at all; it is not a record either way.
        }

        if (expected is JsonObject obj)
        {
            Assert.That(records.Single().Fields.ToJsonString(), Is.EqualTo(obj.ToJsonString()));
        }
        else
        {
            Assert.That(records, Is.Empty);
            Assert.That(diagnostics.Items.Single().Column, Is.EqualTo(column ?? 1), diagnostics.Items.Single().ToString());
        }
    }
}
