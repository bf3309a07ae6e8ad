using EvalHarness.Loading;
using EvalHarness.Risk.Hallucination;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Risk.Hallucination;

/// <summary>The truthfulqa format and the truthfulqa_mc scorer on small files written here (no TruthfulQA data is copied).</summary>
[TestFixture]
public sealed class TruthfulQaFormatTests
{
    private const string McJson = """
        [
          {"question": "What colour is a ripe tomato of the common red variety?",
           "mc1_targets": {"Red.": 1, "Blue.": 0, "Green.": 0},
           "mc2_targets": {"Red.": 1, "It is red when ripe.": 1, "Blue.": 0, "Always green.": 0}},
          {"question": "月はどこを回っていますか。",
           "mc1_targets": {"choices": ["地球", "金星", "火星"], "labels": [1, 0, 0]},
           "mc2_targets": {"choices": ["地球の周り", "地球を周回している", "太陽の周りだけ"], "labels": [1, 1, 0]}}
        ]
        """;

    private static (IReadOnlyList<RawRecord> Records, DiagnosticBag Diagnostics) Read(string text, string file = "data.json")
    {
        var diagnostics = new DiagnosticBag();
        return (TruthfulQaFormat.Default.Read(new DatasetSource(text, file, ','), diagnostics), diagnostics);
    }

    private static Sample ToSample(RawRecord record)
    {
        var f = record.Fields;
        var metadata = f["metadata"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()) ?? [];
        metadata["language"] = "en";
        return new Sample
        {
            Id = f["id"]!.GetValue<string>(),
            Input = [new PromptMessage(MessageRoles.User, f["input"]!.GetValue<string>())],
            Targets = f["target"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [],
            Choices = f["choices"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [],
            Metadata = metadata,
        };
    }

    [Test]
    public void Mc_json_gives_an_mc1_and_an_mc2_sample_per_question_in_both_layouts()
    {
        var (records, diagnostics) = Read(McJson);
        var samples = records.Select(ToSample).ToList();
        Assert.That(diagnostics.Items, Is.Empty);
        Assert.That(samples.Select(s => s.Id), Is.EqualTo(new[] { "1-mc1", "1-mc2", "2-mc1", "2-mc2" }));

        var mc1 = samples[0];
        Assert.That(mc1.Choices, Is.EquivalentTo(new[] { "Red.", "Blue.", "Green." }));
        Assert.That(mc1.Choices[ChoiceLabels.IndexOf(mc1.Targets.Single()[0])], Is.EqualTo("Red."), "the target letter points at the true answer after shuffling");
        Assert.That(mc1.Metadata[TruthfulQaKeys.Task], Is.EqualTo("mc1"));

        var mc2 = samples[3];
        Assert.That(mc2.Choices, Is.Empty, "MC2 lists its options in the prompt, not for multiple_choice");
        Assert.That(mc2.Input[0].Content, Does.Contain("月はどこを回っていますか。").And.Contain("正しい選択肢をすべて選び"), "a Japanese question gets the Japanese MC2 instruction");
        Assert.That(mc2.Metadata[TruthfulQaKeys.Mc2True], Does.StartWith("["));
    }

    [Test]
    public void Shuffling_is_the_same_on_every_read()
    {
        var first = Read(McJson).Records.Select(r => r.Fields.ToJsonString());
        var second = Read(McJson).Records.Select(r => r.Fields.ToJsonString());
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Json_lines_are_read_too()
    {
        var (records, diagnostics) = Read("""
            {"question": "Q one?", "mc1_targets": {"choices": ["yes", "no"], "labels": [0, 1]}}
            {"question": "Q two?", "mc1_targets": {"choices": ["yes", "no"], "labels": [1, 0]}}
            """, "data.jsonl");
        Assert.That((records.Count, diagnostics.Items.Count), Is.EqualTo((2, 0)));
    }

    [Test]
    public void The_truthfulqa_generation_csv_gives_free_answer_samples_with_a_requirement_for_the_judge()
    {
        const string csv = "Type,Category,Question,Best Answer,Correct Answers,Incorrect Answers,Source\n"
            + "Adversarial,Science,Does a compass needle point to the geographic north pole?,No; it points to the magnetic north,No; It points to magnetic north,Yes; It points exactly to the geographic pole,https://example.com/a\n";
        var (records, diagnostics) = Read(csv, "gen.csv");
        var sample = ToSample(records.Single());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(sample.Targets, Is.EqualTo(new[] { "No; it points to the magnetic north" }.Concat(["No", "It points to magnetic north"])));
            Assert.That(sample.Metadata["category"], Is.EqualTo("Science"));
            Assert.That(sample.Metadata[TruthfulQaKeys.Task], Is.EqualTo("generation"));
            Assert.That(sample.Metadata["requirement"], Does.Contain("- It points exactly to the geographic pole"));
            Assert.That(sample.Metadata["incorrect_answers"], Does.Contain("Yes"));
        }
    }

    [Test]
    public void The_jtruthfulqa_csv_with_original_answer_and_python_list_cells_is_read()
    {
        const string csv = "Type,Category,Question,Original Answer,Correct Answers,Incorrect Answers\n"
            + "事実（fact）,テスト,鯨は魚ですか？,いいえ、哺乳類です。,\"['いいえ、哺乳類です。', 'いいえ\\u3000違います', \"\"it's a mammal\"\"]\",\"['はい、魚です。']\"\n";
        var (records, diagnostics) = Read(csv, "jtqa.csv");
        var sample = ToSample(records.Single());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnostics.Items, Is.Empty);
            Assert.That(sample.Targets, Is.EqualTo(new[] { "いいえ、哺乳類です。", "いいえ\u3000違います", "it's a mammal" }));
            Assert.That(sample.Metadata["best_answer"], Is.EqualTo("いいえ、哺乳類です。"));
            Assert.That(sample.Metadata["requirement"], Does.StartWith("回答は真実でなければならない").And.Contain("- はい、魚です。"));
        }
    }

    [Test]
    public void Bad_input_is_reported_with_file_line_and_field()
    {
        var (_, mc) = Read("""
            [
              {"question": "Two true answers for MC1?", "mc1_targets": {"A": 1, "B": 1}},
              {"question": "Bad label", "mc2_targets": {"A": 1, "B": "yes"}},
              {"mc1_targets": {"A": 1, "B": 0}},
              {"question": "Neither kind"}
            ]
            """);
        var messages = mc.Items.Select(d => d.ToString()).ToList();
        Assert.That(messages, Has.Some.Contains("data.json:2:").And.Some.Contains("mc1_targets").And.Some.Contains("exactly one true answer"));
        Assert.That(messages, Has.Some.Contains("data.json:3:").And.Some.Contains("mc2_targets.B"));
        Assert.That(messages, Has.Some.Contains("data.json:4:").And.Some.Contains("question").And.Some.Contains("is required"));
        Assert.That(messages, Has.Some.Contains("data.json:5:").And.Some.Contains("neither mc1_targets"));

        var (_, csv) = Read("Type,Question,Correct Answers\nx,,a\ny,Q?,\"['unclosed]\"\n", "gen.csv");
        var csvMessages = csv.Items.Select(d => d.ToString()).ToList();
        Assert.That(csvMessages, Has.Some.Contains("gen.csv:2").And.Some.Contains("Question").And.Some.Contains("is empty"));
        Assert.That(csvMessages, Has.Some.Contains("gen.csv:3").And.Some.Contains("Correct Answers").And.Some.Contains("never closed"));

        var (_, header) = Read("Type,Prompt\nx,y\n", "gen.csv");
        Assert.That(header.Items.Select(d => d.ToString()), Has.Some.Contains("gen.csv:1").And.Some.Contains("no question column"));
    }

    [Test]
    public async Task Mc1_is_scored_by_letter_and_mc2_by_the_letters_selected()
    {
        var samples = Read(McJson).Records.Select(ToSample).ToList();
        var scorer = TruthfulQaMcScorer.Factory.Create(Options.Empty());
        var mc1 = samples[0];
        var right = ChoiceLabels.Letter(mc1.Choices.ToList().IndexOf("Red."));
        var wrong = ChoiceLabels.Letter(mc1.Choices.ToList().IndexOf("Blue."));

        var mc1Right = await scorer.ScoreAsync(Samples.Input(mc1, $"ANSWER: {right}"), CancellationToken.None);
        var mc1Wrong = await scorer.ScoreAsync(Samples.Input(mc1, $"ANSWER: {wrong}"), CancellationToken.None);

        var mc2 = samples[1];
        var choices = System.Text.Json.JsonSerializer.Deserialize<List<string>>(mc2.Metadata[TruthfulQaKeys.Mc2Choices])!;
        string L(string text) => ChoiceLabels.Letter(choices.IndexOf(text)).ToString();
        var all = await scorer.ScoreAsync(Samples.Input(mc2, $"Both red ones.\nANSWER: {L("Red.")}, {L("It is red when ripe.")}"), CancellationToken.None);
        // One true and one false selected of two true: precision 1/2, recall 1/2, F1 1/2.
        var half = await scorer.ScoreAsync(Samples.Input(mc2, $"ANSWER: {L("Red.")}, {L("Blue.")}"), CancellationToken.None);
        var none = await scorer.ScoreAsync(Samples.Input(mc2, "Red, I think."), CancellationToken.None);
        var exact = await TruthfulQaMcScorer.Factory.Create(Options.Of("{\"mc2_value\": \"exact\"}")).ScoreAsync(Samples.Input(mc2, $"ANSWER: {L("Red.")}"), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((mc1Right.Value, mc1Wrong.Value), Is.EqualTo((1.0, 0.0)));
            Assert.That(all.Value, Is.EqualTo(1));
            Assert.That((half.Value, half.Values!["precision"], half.Values["recall"]), Is.EqualTo((0.5, 0.5, 0.5)));
            Assert.That(none.Value, Is.EqualTo(0));
            Assert.That(exact.Value, Is.EqualTo(0), "exact needs every true option");
        }
    }

    [Test]
    public void The_mc_scorer_refuses_generation_samples_and_a_bad_option()
    {
        var diagnostics = new DiagnosticBag();
        var scorer = TruthfulQaMcScorer.Factory.Create(Options.Of("{\"mc2_value\": \"recall\"}", diagnostics));
        Assert.That(diagnostics.Items.Single().Field, Does.EndWith("mc2_value"));
        Assert.That(scorer.CheckSample(Samples.Make(targets: ["x"]))?.Field, Is.EqualTo(TruthfulQaKeys.Task));
    }
}
