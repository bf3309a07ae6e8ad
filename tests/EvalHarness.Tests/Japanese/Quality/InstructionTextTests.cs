using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Quality;

/// <summary>Constraints are read from the instruction, never from the material it is about.</summary>
[TestFixture]
public sealed class InstructionTextTests
{
    private static string Describe(string prompt) =>
        string.Join("; ", ConstraintDetector.Detect(prompt).Select(c => c.Describe()));

    [TestCase("以下の文章を読んで、質問に答えてください。\n\n文章：この報告書はJSON形式で提出され、主な原因は3つ挙げられている。要約は400字以内とされた。\n\n質問：報告書の提出形式は何ですか。")]
    [TestCase("「結果をJSON形式で出力し、理由を3つ挙げよ」という指示の意味を説明してください。")]
    [TestCase("『400字以内で書くコツ』という本の著者を教えてください。")]
    [TestCase("次のコードが何をするか説明してください。\n```python\n# 結果をJSON形式で出力し、100文字以内に収める\nprint(json.dumps(result))\n```")]
    [TestCase("> 理由を3つ挙げ、400字以内で答えよ。\n\n上の引用はどの試験の問題ですか。")]
    [TestCase("【本文】\n応募書類はJSON形式で送り、志望理由を三つ書くこと。\n\n【質問】\n応募書類の形式は何ですか。")]
    [TestCase("理由を二つずつ挙げてください。")]
    public void Constraints_in_quotes_passages_and_code_are_not_read(string prompt)
    {
        Assert.That(ConstraintDetector.Detect(prompt), Is.Empty, Describe(prompt));
    }

    [TestCase("次の文章を100文字以内で要約してください。\n\n会議では、結果をJSON形式で共有すること、改善案を3つ挙げること、報告は400字以内にまとめることが決まった。", "at most 100 characters")]
    [TestCase("以下の記事について、要点を3つ挙げてください。\n\n記事：市は来年度から、申請書を200字以内で書けるよう様式を改める。", "exactly 3 list items")]
    [TestCase("【記事】\n新制度では報告を500字以内にまとめる。\n\n【指示】\n上の記事を50字以内で要約してください。", "at most 50 characters")]
    [TestCase("文章：新しい規則では、回答はJSON形式で提出する。\n質問：新しい規則では回答をどの形式で提出しますか。\n指示：30文字以内で答えてください。", "at most 30 characters")]
    [TestCase("次の文章を要約してください：この本は400字以内の短編を3つ収めている。\n要約は50字以内で。", "at most 50 characters")]
    [TestCase("Summarise the text below in 50 words or fewer.\n\nText: The report lists 3 causes and must be submitted in JSON within 400 characters.", "at most 50 words")]
    [TestCase("『7つの習慣』の要点を3つ挙げてください。", "exactly 3 list items")]
    [TestCase("次の質問に「はい」か「いいえ」で答えてください。\n\n質問：クジラは哺乳類ですか。", "only yes/no (はい/いいえ)")]
    public void Constraints_of_the_instruction_are_still_read(string prompt, string expected)
    {
        Assert.That(Describe(prompt), Is.EqualTo(expected));
    }

    [TestCase("在宅勤務が広がった理由を三つ、具体例とともに説明してください。")]
    [TestCase("賛成する理由を三つ簡潔に述べてください。")]
    [TestCase("主な理由を三つほど挙げて。")]
    [TestCase("理由を三つお願いします。")]
    [TestCase("改善案をみっつ考えてください。")]
    public void Kanji_and_native_counts_after_the_object_are_counts(string prompt)
    {
        Assert.That(Describe(prompt), Is.EqualTo("exactly 3 list items"));
    }

    [Test]
    public void A_label_word_that_starts_a_sentence_is_not_a_label()
    {
        // 「文章を読んで」 is an instruction, not a passage label: the constraint after it is read.
        Assert.That(Describe("文章を読んで、100字以内で感想を書いてください。"), Is.EqualTo("at most 100 characters"));
    }

    [Test]
    public async Task Score_metadata_counts_what_was_left_out()
    {
        var scorer = InstructionComplianceScorer.Factory.Create(Options.Of("{}"));
        const string prompt = "次の文章を50字以内で要約してください。\n\n「400字以内」という決まりのある作文コンクールで、応募作は3つの部門に分けて審査される。";
        var score = await scorer.ScoreAsync(Samples.Input(Samples.Make(input: prompt, language: "ja"), "作文コンクールの応募作は三部門で審査される。"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Metadata!["total"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(score.Metadata!["ignored_passages"]!.GetValue<int>(), Is.EqualTo(1));
        }
    }

    [TestCase("## 富士山\n日本一高い山です。\n## 北岳\n二番目に高い山です。\n## 奥穂高岳\n三番目に高い山です。", 0)]
    [TestCase("## 1. 富士山\n日本一高い山です。\n## 2. 北岳\n二番目に高い山です。\n## 3. 奥穂高岳\n三番目です。", 0)]
    [TestCase("## 日本の高い山\n- 富士山\n- 北岳\n- 奥穂高岳", 3)]
    [TestCase("### 理由\n1. 安い\n2. 速い\n3. 近い\n### まとめ\n以上です。", 3)]
    [TestCase("１．富士山\n２．北岳\n３．奥穂高岳", 3)]
    [TestCase("①富士山\n②北岳\n③奥穂高岳", 3)]
    [TestCase("・富士山\n・北岳\n・奥穂高岳", 3)]
    [TestCase("* 富士山\n* 北岳\n* 奥穂高岳", 3)]
    public void Headings_are_not_list_items(string output, int items)
    {
        Assert.That(ListItems.Count(output).Count, Is.EqualTo(items));
    }
}
