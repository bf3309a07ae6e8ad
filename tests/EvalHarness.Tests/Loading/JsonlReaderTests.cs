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
    [TestCase("{\"id\": 7, \"n\": 1.50, \"e\": -2E+3, \"big\": 123456789012345678901234567890, \"t\": true, \"f\": false, \"z\": null}")]
    [TestCase("{\"input\": [{\"role\": \"user\", \"content\": \"日本語の\\\"質問\\\"\\n\"}], \"metadata\": {\"tags\": [\"a\", 1, null, [true, {}]], \"risk\": \"偽情報\"}}")]
    [TestCase("{\"k\\u0065y\": \"escaped name\", \"other\": \"again\"}")]
    [TestCase("{\"dup\": 1, \"dup\": 2, oops}")]
    [TestCase("{}")]
    [TestCase("{\"a\": []} ")]
    [TestCase("{\"a\": 1} {\"b\": 2}")]
    [TestCase("[{\"a\": 1}]")]
    [TestCase("null")]
    [TestCase("{\"a\": 01}")]
    [TestCase("{\"a\": \"x\" /* comment */}")]
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
            var fields = records.Single().Fields;
            Assert.That(fields.ToJsonString(), Is.EqualTo(obj.ToJsonString()));
            AssertSameValues(fields, obj, "$");
        }
        else
        {
            Assert.That(records, Is.Empty);
            Assert.That(diagnostics.Items.Single().Column, Is.EqualTo(column ?? 1), diagnostics.Items.Single().ToString());
        }
    }

    [Test]
    public void Nesting_deeper_than_json_allows_is_reported_as_before()
    {
        var line = "{\"a\": " + new string('[', 70) + new string(']', 70) + "}";
        var diagnostics = new DiagnosticBag();

        var records = JsonlReader.Read(line + "\n", "f", diagnostics);

        Assert.That(records, Is.Empty);
        var expected = Assert.Catch<JsonException>(() => JsonNode.Parse(line))!;
        Assert.That(diagnostics.Items.Single().Message, Is.EqualTo("not valid JSON: " + EvalHarness.Infrastructure.JsonErrorText.Of(expected)));
    }

    [TestCase("{\"id\": \"a\", \"input\": \"q\", \"input\": \"r\"}", "input")]
    [TestCase("{\"id\": \"a\", \"metadata\": {\"risk\": \"x\", \"risk\": \"y\"}}", "metadata.risk")]
    [TestCase("{\"input\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"user\", \"role\": \"system\"}]}", "input[1].role")]
    [TestCase("{\"m\": [[{\"k\": 1, \"k\": 2}]]}", "m[0][0].k")]
    [TestCase("{\"k\\u0065y\": 1, \"key\": 2}", "key")]
    public void A_name_given_twice_in_a_record_is_reported_with_its_line_and_path(string line, string field)
    {
        var diagnostics = new DiagnosticBag();

        var records = JsonlReader.Read("{\"id\": \"ok\"}\n" + line + "\n", "data.jsonl", diagnostics);

        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 1 }));
        var problem = diagnostics.Items.Single();
        Assert.That((problem.File, problem.Line, problem.Field), Is.EqualTo(("data.jsonl", 2, field)));
        Assert.That(problem.Message, Does.Contain("twice"));
    }

    [Test]
    public void A_repeated_name_on_a_line_that_is_not_valid_json_is_reported_as_invalid_json()
    {
        var diagnostics = new DiagnosticBag();

        JsonlReader.Read("{\"a\": 1, \"a\": 2, oops}\n", "f", diagnostics);

        Assert.That(diagnostics.Items.Single().Message, Does.StartWith("not valid JSON"));
        Assert.That(diagnostics.Items.Single().Column, Is.EqualTo(18), "where 'oops' starts");
    }

    [Test]
    public void Names_shared_between_lines_are_one_string_and_values_are_their_own()
    {
        var records = JsonlReader.Read("{\"id\": \"a\", \"category\": \"x\"}\n{\"id\": \"b\", \"category\": \"x\"}\n", "f", new DiagnosticBag());

        var first = records[0].Fields.Select(p => p.Key).ToList();
        var second = records[1].Fields.Select(p => p.Key).ToList();
        Assert.That(second, Is.EqualTo(first));
        Assert.That(ReferenceEquals(first[1], second[1]), Is.True, "a name repeated on every line is kept once");
        Assert.That(records[1].Fields["id"]!.GetValue<string>(), Is.EqualTo("b"));
    }

    // Scorers and formats read values by kind, as text, as numbers and through the JSON text of lists and objects:
    // each of these must be what the general parser gives.
    private static void AssertSameValues(JsonNode? actual, JsonNode? expected, string path)
    {
        if (expected is null)
        {
            Assert.That(actual, Is.Null, path);
            return;
        }

        Assert.That(actual!.GetValueKind(), Is.EqualTo(expected.GetValueKind()), path);
        Assert.That(actual.ToJsonString(), Is.EqualTo(expected.ToJsonString()), path);
        switch (expected)
        {
            case JsonObject o:
                Assert.That(actual.AsObject().Select(p => p.Key), Is.EqualTo(o.Select(p => p.Key)), path);
                foreach (var (key, value) in o)
                {
                    AssertSameValues(actual[key], value, path + "." + key);
                }

                break;
            case JsonArray a:
                Assert.That(actual.AsArray(), Has.Count.EqualTo(a.Count), path);
                for (var i = 0; i < a.Count; i++)
                {
                    AssertSameValues(actual[i], a[i], $"{path}[{i}]");
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                Assert.That(actual.GetValue<string>(), Is.EqualTo(v.GetValue<string>()), path);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                Assert.That(actual.AsValue().TryGetValue<long>(out var l), Is.EqualTo(v.TryGetValue<long>(out var el)), path);
                Assert.That(l, Is.EqualTo(el), path);
                Assert.That(actual.AsValue().TryGetValue<double>(out var d), Is.EqualTo(v.TryGetValue<double>(out var ed)), path);
                Assert.That(d, Is.EqualTo(ed), path);
                break;
        }
    }
}
