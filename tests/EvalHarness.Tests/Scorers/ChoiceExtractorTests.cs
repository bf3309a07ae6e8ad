using EvalHarness.Scorers.Choice;

namespace EvalHarness.Tests.Scorers;

/// <summary>Edge cases of reading the chosen option, below the scorer.</summary>
[TestFixture]
public sealed class ChoiceExtractorTests
{
    private static readonly string[] Planets = ["Venus", "Mars", "Jupiter", "Saturn"];

    private static int? IndexOf(string output, string[]? choices = null) =>
        ChoiceExtractor.Extract(output, choices ?? Planets)?.Index;

    [Test]
    public void Evidence_quotes_what_was_read()
    {
        var answer = ChoiceExtractor.Extract("Some reasoning.\nANSWER: C", Planets);

        Assert.That(answer, Is.Not.Null);
        Assert.That(answer!.Index, Is.EqualTo(2));
        Assert.That(answer.Evidence, Does.Contain("ANSWER: C"));
    }

    [Test]
    public void Option_text_evidence_is_the_option()
    {
        var answer = ChoiceExtractor.Extract("It must be Saturn, with its rings.", Planets);

        Assert.That(answer?.Index, Is.EqualTo(3));
        Assert.That(answer?.Evidence, Is.EqualTo("Saturn"));
    }

    [Test]
    public void Answer_marker_beats_option_text_mentioned_earlier()
    {
        Assert.That(IndexOf("Venus is hot, Mars is red. ANSWER: D"), Is.EqualTo(3));
    }

    [Test]
    public void Exact_option_text_settles_overlapping_options()
    {
        string[] food = ["cat", "cat food", "dog", "dog food"];

        Assert.That(IndexOf("cat", food), Is.EqualTo(0));
        Assert.That(IndexOf("Cat food.", food), Is.EqualTo(1));
    }

    [Test]
    public void Longer_option_containing_a_shorter_one_is_a_single_mention()
    {
        string[] food = ["cat", "cat food", "dog", "fish"];

        Assert.That(IndexOf("I would buy cat food for it.", food), Is.EqualTo(1));
    }

    [Test]
    public void Two_labels_standing_alone_are_ambiguous()
    {
        Assert.That(IndexOf("Either B or C could work."), Is.Null);
    }

    [Test]
    public void Single_label_in_prose_is_read()
    {
        Assert.That(IndexOf("After some thought I pick D!"), Is.EqualTo(3));
    }

    [Test]
    public void Pronoun_I_is_not_option_I()
    {
        string[] many = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"];

        Assert.That(IndexOf("I think so.", many), Is.Null);
    }

    [TestCase("The answer is a matter of taste.")]
    [TestCase("Let me answer a few questions first.")]
    [TestCase("The answer is a planet I cannot name.")]
    public void Article_after_an_answer_marker_is_not_option_A(string output)
    {
        Assert.That(IndexOf(output), Is.Null);
    }

    [TestCase("The answer is a", 0)]
    [TestCase("answer: a, because Venus is brightest", 0)]
    [TestCase("ANSWER: A because Venus is brightest", 0)]
    [TestCase("answer: b because Mars is red", 1)]
    public void Letter_after_an_answer_marker_is_still_read(string output, int expected)
    {
        Assert.That(IndexOf(output), Is.EqualTo(expected));
    }

    [TestCase("正解は：B。Aは誤りです。")]
    [TestCase("The correct answer is: B. A is wrong.")]
    public void Colon_after_is_or_wa_still_marks_the_answer(string output)
    {
        Assert.That(IndexOf(output), Is.EqualTo(1));
    }

    [TestCase("Not sure.")]
    [TestCase("Nobody knows.")]
    public void Option_text_inside_another_word_is_not_a_mention(string output)
    {
        Assert.That(IndexOf(output, ["Yes", "No"]), Is.Null);
    }

    [Test]
    public void Whole_word_option_text_is_a_mention()
    {
        Assert.That(IndexOf("No, that never happens.", ["Yes", "No"]), Is.EqualTo(1));
    }

    [TestCase("11月が一番寒いです。", null)]
    [TestCase("冬は1月です。", 3)]
    [TestCase("1月", 3)]
    [TestCase("10月", 2)]
    public void Numbered_options_need_whole_numbers(string output, int? expected)
    {
        Assert.That(IndexOf(output, ["4月", "7月", "10月", "1月"]), Is.EqualTo(expected));
    }

    [TestCase("100")]
    [TestCase("It boils at 100 degrees.")]
    public void Number_options_match_whole_numbers(string output)
    {
        Assert.That(IndexOf(output, ["90", "100", "110", "120"]), Is.EqualTo(1));
    }

    [Test]
    public void Larger_number_containing_an_option_is_not_that_option()
    {
        Assert.That(IndexOf("About 1000 degrees.", ["90", "100", "110", "120"]), Is.Null);
    }

    [TestCase("１９６４年")]
    [TestCase("1964年")]
    [TestCase("東京オリンピックは1964年でした。")]
    public void Full_width_option_text_matches_after_normalisation(string output)
    {
        Assert.That(IndexOf(output, ["１９６４年", "１９７０年", "２０２０年"]), Is.EqualTo(0));
    }

    [Test]
    public void Half_width_katakana_option_matches_full_width_output()
    {
        Assert.That(IndexOf("答えはカタカナです", ["ひらがな", "ｶﾀｶﾅ", "漢字"]), Is.EqualTo(1));
    }

    [Test]
    public void Japanese_option_inside_a_longer_word_still_counts()
    {
        // Japanese has no spaces, so "富士山頂" has to count as a mention of 富士山.
        Assert.That(IndexOf("富士山頂は寒い", ["北岳", "富士山", "槍ヶ岳"]), Is.EqualTo(1));
    }

    [Test]
    public void Empty_option_texts_are_ignored()
    {
        Assert.That(IndexOf("nothing to see", ["", "Mars"]), Is.Null);
    }

    [TestCase("A or B")]
    [TestCase("A or B, I cannot decide.")]
    [TestCase("AかBのどちらかです。")]
    public void Two_labels_offered_as_alternatives_are_no_answer(string output)
    {
        Assert.That(IndexOf(output), Is.Null);
    }

    [TestCase("I think B, since A (Venus) is wrong.", 1)]
    [TestCase("Not A. B is right.", 1)]
    [TestCase("Aは誤りで、Bが正しいです。", 1)]
    [TestCase("Venus is wrong; it is Mars.", 1)]
    [TestCase("金星ではなく火星です。", 1)]
    public void Rejected_option_is_not_the_answer(string output, int expected)
    {
        string[] planets = output.Any(c => c > '\u3000') ? ["金星", "火星", "木星", "土星"] : Planets;

        Assert.That(IndexOf(output, planets), Is.EqualTo(expected));
    }

    [Test]
    public void Without_nfkc_full_width_label_is_not_read()
    {
        var raw = new EvalHarness.Scorers.Text.TextNormalization(Nfkc: false, IgnoreCase: true, IgnorePunctuation: false);

        Assert.That(ChoiceExtractor.Extract("答え：Ｂ", Planets, raw), Is.Null);
        Assert.That(ChoiceExtractor.Extract("答え：Ｂ", Planets)?.Index, Is.EqualTo(1));
    }

    [Test]
    public void Case_sensitive_option_text_needs_the_same_case()
    {
        var caseSensitive = new EvalHarness.Scorers.Text.TextNormalization(Nfkc: true, IgnoreCase: false, IgnorePunctuation: false);
        string[] options = ["apple", "Apple"];

        Assert.That(ChoiceExtractor.Extract("I use an Apple laptop.", options, caseSensitive)?.Index, Is.EqualTo(1));
        Assert.That(ChoiceExtractor.Extract("I use an Apple laptop.", options)?.Index, Is.Null);
    }
}
