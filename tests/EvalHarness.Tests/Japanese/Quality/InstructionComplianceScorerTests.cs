using System.Text;
using EvalHarness.Suites;
using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class InstructionComplianceScorerTests
{
    private const string Essay =
        "日本の四季は、それぞれに異なる魅力があります。春には桜が咲き誇り、多くの人が花見を楽しみます。" +
        "夏は祭りや花火大会が各地で開かれ、夜空を彩ります😊 秋には紅葉が山々を赤や黄色に染め、" +
        "食欲の秋として旬の味覚も豊富です。冬は雪景色や温泉が人気で、静かな時間を過ごせます。" +
        "このように、季節ごとの変化を身近に感じられることが、日本の暮らしの大きな特徴と言えるでしょう。";

    /// <summary>The first <paramref name="count"/> non-whitespace code points of a realistic answer, with line breaks kept (they do not count).</summary>
    private static string Answer(int count)
    {
        var sb = new StringBuilder();
        var n = 0;
        var source = string.Concat(Enumerable.Repeat(Essay + "\n", 20));
        foreach (var rune in source.EnumerateRunes())
        {
            if (n == count)
            {
                break;
            }

            sb.Append(rune.ToString());
            n += Rune.IsWhiteSpace(rune) ? 0 : 1;
        }

        return sb.ToString();
    }

    private static async Task<Score> ScoreOf(string prompt, string output, string options = "{}", Dictionary<string, string>? metadata = null)
    {
        var scorer = InstructionComplianceScorer.Factory.Create(Options.Of(options));
        var sample = Samples.Make(input: prompt, language: "ja", metadata: metadata);
        return await scorer.ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    [Test]
    public void Test_answers_have_the_length_they_claim()
    {
        Assert.That(ConstraintChecker.Characters(Answer(201)), Is.EqualTo(201));
    }

    [TestCase("日本の四季について100文字以内で説明してください。", 100, 101)]
    [TestCase("日本の四季について200字以内でまとめてください。", 200, 201)]
    [TestCase("日本の四季について２００文字以下で説明して。", 200, 201)]
    [TestCase("日本の四季について二百字以内で書いてください。", 200, 201)]
    [TestCase("日本の四季について、最大150文字で紹介してください。", 150, 151)]
    [TestCase("日本の四季を120字で要約してください。", 120, 121)]
    [TestCase("日本の四季について100文字未満で説明してください。", 99, 100)]
    [TestCase("Describe the four seasons of Japan within 100 characters.", 100, 101)]
    [TestCase("Describe the four seasons of Japan in 80 characters or fewer.", 80, 81)]
    [TestCase("Describe the four seasons of Japan in under 90 characters.", 89, 90)]
    public async Task Maximum_length_passes_at_the_limit_and_fails_one_over(string prompt, int fits, int tooLong)
    {
        var atLimit = await ScoreOf(prompt, Answer(fits));
        var over = await ScoreOf(prompt, Answer(tooLong));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atLimit.Value, Is.EqualTo(1), atLimit.Explanation);
            Assert.That(over.Value, Is.Zero, over.Explanation);
            Assert.That(over.Explanation, Does.Contain($"[FAIL] at most {fits} characters"));
            Assert.That(over.Explanation, Does.Contain($": {tooLong} characters"));
            Assert.That(over.Explanation, Does.EndWith("(characters are Unicode code points, whitespace not counted)"));
        }
    }

    [TestCase("日本の四季について300字以上で説明してください。", 300, 299)]
    [TestCase("Write at least 250 characters about the seasons of Japan.", 250, 249)]
    public async Task Minimum_length_passes_at_the_limit_and_fails_one_under(string prompt, int fits, int tooShort)
    {
        var atLimit = await ScoreOf(prompt, Answer(fits));
        var under = await ScoreOf(prompt, Answer(tooShort));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atLimit.Value, Is.EqualTo(1), atLimit.Explanation);
            Assert.That(under.Value, Is.Zero, under.Explanation);
            Assert.That(under.Explanation, Does.Contain($"[FAIL] at least {fits} characters"));
        }
    }

    [TestCase(40, 1)]
    [TestCase(60, 1)]
    [TestCase(39, 0)]
    [TestCase(61, 0)]
    public async Task Approximate_length_accepts_twenty_percent_either_way(int length, int expected)
    {
        var score = await ScoreOf("日本の四季について50文字程度で説明してください。", Answer(length));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(expected), score.Explanation);
            Assert.That(score.Explanation, Does.Contain("about 50 characters (40–60) (「50文字程度」)"));
        }
    }

    [Test]
    public async Task Character_range_checks_both_ends()
    {
        const string prompt = "日本の四季について300〜400字で説明してください。";

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ScoreOf(prompt, Answer(300))).Value, Is.EqualTo(1));
            Assert.That((await ScoreOf(prompt, Answer(400))).Value, Is.EqualTo(1));
            Assert.That((await ScoreOf(prompt, Answer(299))).Value, Is.Zero);
            Assert.That((await ScoreOf(prompt, Answer(401))).Value, Is.Zero);
        }
    }

    [Test]
    public async Task Word_limits_count_whitespace_separated_words()
    {
        const string prompt = "Summarise the plot of Botchan in 12 words or fewer.";

        var fits = await ScoreOf(prompt, "A young teacher from Tokyo clashes with colleagues in rural Shikoku.");
        var over = await ScoreOf(prompt, "A hot-headed young teacher from Tokyo clashes with his colleagues in rural Shikoku.");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fits.Value, Is.EqualTo(1), fits.Explanation);
            Assert.That(over.Value, Is.Zero);
            Assert.That(over.Explanation, Does.Contain("[FAIL] at most 12 words (\"in 12 words or fewer\"): 13 words"));
        }
    }

    [TestCase("この記事を3行で要約してください。", "一行目です。\n二行目です。\n\n三行目です。", 1)]
    [TestCase("この記事を3行以内でまとめて。", "一行目です。\n二行目です。", 1)]
    [TestCase("この記事を3行で要約してください。", "一行目です。\n二行目です。\n三行目です。\n四行目です。", 0)]
    public async Task Line_limits_count_non_blank_lines(string prompt, string output, double expected)
    {
        var score = await ScoreOf(prompt, output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(expected), score.Explanation);
            Assert.That(score.Explanation, Does.Contain("at most 3 lines"));
        }
    }

    [Test]
    public async Task Markdown_bold_markers_do_not_count_towards_a_length()
    {
        var plain = Answer(48);
        var bold = "**" + plain[..5] + "**" + plain[5..];

        var score = await ScoreOf("日本の四季について50文字以内で説明してください。", bold);

        Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
    }

    private const string ThreeDashes = "日本の有名な山は次の通りです。\n- 富士山\n- 北岳\n- 奥穂高岳";

    [TestCase(ThreeDashes)]
    [TestCase("* 富士山\n* 北岳\n* 奥穂高岳")]
    [TestCase("・富士山\n・北岳\n・奥穂高岳")]
    [TestCase("• 富士山\n• 北岳\n• 奥穂高岳")]
    [TestCase("1. 富士山\n2. 北岳\n3. 奥穂高岳")]
    [TestCase("1) 富士山\n2) 北岳\n3) 奥穂高岳")]
    [TestCase("１．富士山\n２．北岳\n３．奥穂高岳")]
    [TestCase("①富士山\n②北岳\n③奥穂高岳")]
    [TestCase("（1）富士山\n（2）北岳\n（3）奥穂高岳")]
    [TestCase("**1. 富士山**：日本最高峰です。\n**2. 北岳**：二番目に高い山です。\n**3. 奥穂高岳**：北アルプスの最高峰です。")]
    [TestCase("1. 富士山\n   - 標高3,776m\n   - 静岡県・山梨県\n2. 北岳\n   - 標高3,193m\n3. 奥穂高岳\n   - 標高3,190m")]
    [TestCase("1. 富士山\n- 標高3,776m\n2. 北岳\n- 標高3,193m\n3. 奥穂高岳\n- 標高3,190m")]
    public async Task Exact_item_count_is_met_by_every_list_style(string output)
    {
        var score = await ScoreOf("日本の高い山を3つ挙げてください。", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Explanation, Does.Contain("[pass] exactly 3 list items (「3つ挙げ」): 3 list items"));
        }
    }

    [TestCase("日本の高い山を3つ挙げてください。", "- 富士山\n- 北岳\n- 奥穂高岳\n- 間ノ岳")]
    [TestCase("日本の高い山を3つ挙げてください。", "- 富士山\n- 北岳")]
    [TestCase("日本の高い山を3つ挙げてください。", "富士山、北岳、奥穂高岳です。")]
    [TestCase("日本の高い山を3つ挙げてください。", "倍率は\n1.5倍です。\n2.5倍の山もあります。\n3.0倍は稀です。")]
    public async Task Wrong_item_count_fails(string prompt, string output)
    {
        var score = await ScoreOf(prompt, output);

        Assert.That(score.Value, Is.Zero, score.Explanation);
    }

    [TestCase("日本の高い山を3つ挙げてください。", 3)]
    [TestCase("富士山に登るときの注意点を箇条書きで5つ教えてください。", 5)]
    [TestCase("テレワークのメリットを三つ教えて。", 3)]
    [TestCase("おすすめの本をふたつ紹介してください。", 2)]
    [TestCase("3つのポイントにまとめてください。", 3)]
    [TestCase("読書の効果を4点挙げてください。", 4)]
    [TestCase("健康的な習慣を3つ、箇条書きで挙げてください。", 3)]
    [TestCase("転職を考える理由を3つ、箇条書きで示して。", 3)]
    [TestCase("夏休みに読む本を5冊紹介して。", 5)]
    [TestCase("日本の世界遺産を4か所挙げてください。", 4)]
    [TestCase("List 3 famous mountains in Japan.", 3)]
    [TestCase("Give me five tips for learning kanji.", 5)]
    [TestCase("Summarise the article in 4 bullet points.", 4)]
    public void Item_counts_are_read_from_the_prompt(string prompt, int count)
    {
        var constraints = ConstraintDetector.Detect(prompt);

        Assert.That(constraints.Where(c => c.Kind == ConstraintKind.ListItems).Select(c => c.Max), Is.EqualTo(new int?[] { count }));
    }

    [TestCase("2つの文章を比較して、違いを説明してください。")]
    [TestCase("この文章の3行目を説明してください。")]
    [TestCase("2つの文章を比較して違いを説明してください。")]
    [TestCase("JSON形式について説明してください。")]
    [TestCase("What is JSON and why is it popular?")]
    [TestCase("この100文字の文章を英語に翻訳してください。")]
    [TestCase("Write 200 words? No, just tell me about Kyoto.")]
    public void Prompts_without_a_constraint_yield_none(string prompt)
    {
        Assert.That(ConstraintDetector.Detect(prompt), Is.Empty);
    }

    [TestCase("ユーザー情報をJSON形式で出力してください。", "{\"name\": \"山田太郎\", \"age\": 30}")]
    [TestCase("ユーザー情報をJSON形式で出力してください。", "以下の通りです。\n```json\n{\"name\": \"山田太郎\", \"age\": 30}\n```")]
    [TestCase("ユーザー情報をJSONで返してください。", "[{\"name\": \"山田太郎\"}, {\"name\": \"佐藤花子\"}]")]
    [TestCase("Return the user record in JSON.", "```\n{\"name\": \"Taro\"}\n```")]
    public async Task Json_in_the_output_or_its_fence_passes(string prompt, string output)
    {
        var score = await ScoreOf(prompt, output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Explanation, Does.Contain("[pass] JSON output"));
        }
    }

    [TestCase("{\"name\": \"山田太郎\", \"age\": 30,}", "does not parse")]
    [TestCase("```json\n{name: '山田太郎'}\n```", "the ``` fenced block does not parse")]
    [TestCase("名前は山田太郎、年齢は30歳です。", "does not parse")]
    [TestCase("\"山田太郎\"", "is a lone JSON string")]
    public async Task Output_that_is_not_a_JSON_object_or_array_fails(string output, string reason)
    {
        var score = await ScoreOf("ユーザー情報をJSON形式で出力してください。", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Explanation, Does.Contain("[FAIL] JSON output (「JSON形式」): not JSON: " ));
            Assert.That(score.Explanation, Does.Contain(reason));
        }
    }

    [TestCase("富士山は日本一高い山ですか？「はい」か「いいえ」で答えてください。", "はい。", 1)]
    [TestCase("富士山は日本一高い山ですか？はいかいいえで答えてください。", "はい、富士山は日本一高い山です。", 0)]
    [TestCase("Is Mount Fuji the highest mountain in Japan? Answer yes or no.", "Yes", 1)]
    [TestCase("15と27の和を数字のみで答えてください。", "42", 1)]
    [TestCase("15と27の和を数字のみで答えてください。", "答えは42です。", 0)]
    [TestCase("What is 1200 plus 34? Reply with only the number.", "1,234", 1)]
    public async Task Answer_only_constraints_are_checked(string prompt, string output, int expected)
    {
        var score = await ScoreOf(prompt, output);

        Assert.That(score.Value, Is.EqualTo(expected), score.Explanation);
    }

    [Test]
    public async Task Several_constraints_score_the_share_met_and_list_each()
    {
        var output = "1. " + Answer(60) + "\n2. 北岳\n3. 奥穂高岳";

        var score = await ScoreOf("日本の高い山を3つ挙げて、全体を50文字以内にまとめてください。", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(0.5));
            Assert.That(score.Answer, Is.EqualTo("1/2"));
            Assert.That(score.Explanation, Does.StartWith("1 of 2 constraints met: "));
            Assert.That(score.Explanation, Does.Contain("[pass] exactly 3 list items"));
            Assert.That(score.Explanation, Does.Contain("[FAIL] at most 50 characters (「50文字以内」): 72 characters"));
            Assert.That(score.Metadata!["constraints"]!.AsArray(), Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task No_constraint_in_the_prompt_and_none_configured_is_unscored()
    {
        var score = await ScoreOf("日本の四季について教えてください。", Essay);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Null);
            Assert.That(score.Error, Does.StartWith("no constraint found in the prompt"));
        }
    }

    [Test]
    public async Task Options_replace_the_prompt_constraint_of_the_same_kind()
    {
        var score = await ScoreOf("日本の四季について100文字以内で説明してください。", Answer(150), "{\"max_chars\": 200}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Explanation, Is.EqualTo("1 of 1 constraints met: [pass] at most 200 characters (option max_chars: 200): 150 characters (characters are Unicode code points, whitespace not counted)"));
        }
    }

    [Test]
    public async Task Options_add_constraints_to_a_prompt_without_any()
    {
        var score = await ScoreOf("日本の高い山を教えてください。", "- 富士山\n- 北岳", "{\"bullets\": 3, \"format\": \"json\"}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Explanation, Does.Contain("[FAIL] exactly 3 list items (option bullets: 3): 2 list items (bulleted)"));
            Assert.That(score.Explanation, Does.Contain("[FAIL] JSON output (option format: json)"));
        }
    }

    [Test]
    public async Task Sample_metadata_sets_constraints_and_wins_over_options()
    {
        var metadata = new Dictionary<string, string> { ["max_chars"] = "80" };

        var score = await ScoreOf("日本の四季について教えてください。", Answer(90), "{\"max_chars\": 100}", metadata);

        Assert.That(score.Explanation, Does.Contain("[FAIL] at most 80 characters (metadata max_chars: 80): 90 characters"));
    }

    [Test]
    public void Invalid_metadata_is_a_sample_validation_error()
    {
        var scorer = InstructionComplianceScorer.Factory.Create(Options.Empty());
        var sample = Samples.Make(metadata: new Dictionary<string, string> { ["bullets"] = "three", ["format"] = "yaml" });

        Assert.That(scorer.CheckSample(sample)?.Message, Is.EqualTo("metadata 'bullets' must be a whole number of at least 1, not 'three'; metadata 'format' is 'yaml'; instruction_compliance checks only 'json'"));
    }

    [Test]
    public void Invalid_format_option_is_a_configuration_error()
    {
        var diagnostics = new DiagnosticBag();

        InstructionComplianceScorer.Factory.Create(Options.Of("{\"format\": \"xml\"}", diagnostics));

        Assert.That(diagnostics.Items.Select(d => d.Message), Has.One.Contains("the only checked format is 'json'"));
    }

    [Test]
    public async Task Only_the_last_user_message_is_read()
    {
        var scorer = InstructionComplianceScorer.Factory.Create(Options.Empty());
        var sample = Samples.Make(language: "ja");
        PromptMessage[] messages =
        [
            new(MessageRoles.User, "日本の四季について50文字以内で説明してください。"),
            new(MessageRoles.Assistant, "春は桜、夏は祭り、秋は紅葉、冬は雪が魅力です。"),
            new(MessageRoles.User, "では、その内容をJSON形式で出力してください。"),
            new(MessageRoles.Assistant, "{\"春\": \"桜\", \"夏\": \"祭り\", \"秋\": \"紅葉\", \"冬\": \"雪\", \"説明\": \"" + Answer(60) + "\"}"),
        ];

        var score = await scorer.ScoreAsync(new ScoreInput(sample, 1, messages[^1].Content, messages), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Metadata!["total"]!.GetValue<int>(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task From_prompt_false_ignores_the_prompt()
    {
        var score = await ScoreOf("日本の四季について100文字以内で説明してください。", Answer(150), "{\"from_prompt\": false}");

        Assert.That(score.Error, Does.StartWith("no constraint found in the prompt"));
    }
}
