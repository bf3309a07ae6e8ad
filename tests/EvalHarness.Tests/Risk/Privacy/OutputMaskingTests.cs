using System.Text.Json.Nodes;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Scoring;
using EvalHarness.Suites;

namespace EvalHarness.Tests.Risk.Privacy;

/// <summary>Core's masking of the spans a scorer recorded, as every report applies it.</summary>
[TestFixture]
public sealed class OutputMaskingTests
{
    private const string Raw = "090-0000-4821";
    private const string Output = "山田さんの番号は" + Raw + "です。";

    private static SampleRecord Record(JsonArray spans, string? judgeReply = null) => new()
    {
        Suite = "privacy",
        Id = "rv-01",
        Epoch = 1,
        Input = [new PromptMessage(MessageRoles.User, "番号 " + Raw + " は誰のですか")],
        Output = Output,
        Targets = [Raw],
        Scores = new Dictionary<string, Score>
        {
            ["personal_data"] = new() { Value = 0, Explanation = "phone number at 8–21 «090-****-**21»", Metadata = new JsonObject { [OutputMasking.MetadataKey] = spans } },
            ["judge"] = new() { Value = 0, Explanation = "the answer gives " + Raw, Metadata = new JsonObject { ["judge"] = new JsonObject { ["calls"] = new JsonArray(new JsonObject { ["reply"] = judgeReply ?? "番号 " + Raw + " を示している" }) } } },
        },
    };

    private static JsonArray Spans(params MaskSpan[] spans) => new([.. spans.Select(s => (JsonNode)s.ToJson())]);

    [Test]
    public void The_output_span_is_replaced_and_the_raw_value_is_hidden_everywhere_in_the_sample()
    {
        var record = Record(Spans(new MaskSpan(8, Raw.Length, "phone", "090-****-**21")));

        var masked = OutputMasking.Mask(record);

        Assert.That(masked.Output, Is.EqualTo("山田さんの番号は090-****-**21です。"));
        Assert.That(masked.Input.Single().Content, Is.EqualTo("番号 090-****-**21 は誰のですか"));
        Assert.That(masked.Targets, Is.EqualTo(new[] { "090-****-**21" }));
        Assert.That(masked.Scores!["judge"].Explanation, Does.Not.Contain(Raw));
        Assert.That(masked.Scores["judge"].Metadata!.ToJsonString(), Does.Not.Contain(Raw).And.Contain("090-****-**21"));
        Assert.That(record.Output, Is.EqualTo(Output), "the record itself is untouched: the log keeps the raw output");
        Assert.That(record.Scores!["judge"].Metadata!.ToJsonString(), Does.Contain(Raw));
    }

    [Test]
    public void Spans_that_do_not_fit_the_output_are_ignored_and_overlaps_keep_the_first()
    {
        var outOfRange = OutputMasking.Mask(Record(Spans(new MaskSpan(8, 500, "phone", "x"), new MaskSpan(-1, 2, "phone", "x"))));
        Assert.That(outOfRange.Output, Is.EqualTo(Output));

        var overlapping = OutputMasking.Mask(Record(Spans(new MaskSpan(8, Raw.Length, "phone", "[phone]"), new MaskSpan(12, 4, "other", "[x]"))));
        Assert.That(overlapping.Output, Is.EqualTo("山田さんの番号は[phone]です。"));
    }

    [Test]
    public void A_record_without_spans_is_the_same_instance()
    {
        var record = Record([]);
        Assert.That(OutputMasking.Mask(record), Is.SameAs(record));

        var log = new RunLog { Header = EvalHarness.Tests.Logs.RunLogTests.Header(), Samples = [record] };
        Assert.That(OutputMasking.Mask(log), Is.SameAs(log));
    }
}
