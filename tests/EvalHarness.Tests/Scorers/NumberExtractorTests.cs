using EvalHarness.Scorers.Numeric;

namespace EvalHarness.Tests.Scorers;

[TestFixture]
public sealed class NumberExtractorTests
{
    private static double? ValueOf(string output) => NumberExtractor.Extract(output)?.Value;

    [TestCase("42", 42)]
    [TestCase("17 + 25 = 42", 42)]
    [TestCase("17 + 25 = 42.", 42)]
    [TestCase("30 × 7 = 210, so 12 × 5 is unrelated. ANSWER: 210", 210)]
    [TestCase("Step 1: 30 cents. Step 2: 7 pencils.\nANSWER: 210\nDouble-check: 7 × 30.", 210)]
    [TestCase("The final answer is 12", 12)]
    [TestCase("答え：42", 42)]
    [TestCase("答えは 600 円です。5個で計算しました。", 600)]
    [TestCase("合計は約 35 です。1個あたり 7。", 35)]
    [TestCase("x = 3, y = 4, so x + y = 7", 7)]
    public void Number_after_the_last_marker_is_the_answer(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [TestCase("The answer is 42, because 6 × 7 = a lot", 42)]
    [TestCase("答えは 42 です。検算の結果 = ?", 42)]
    [TestCase("ANSWER: 9. x = 3 so x² = ", 3)]
    public void A_last_marker_without_a_number_after_it_yields_to_the_marker_before(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [TestCase("Tom had 3 apples, gave 1 away, bought 4 more: 6", 6)]
    [TestCase("There are 3 hours of 60 minutes, 180 minutes in all.", 180)]
    public void Last_number_is_the_answer_without_a_marker(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [TestCase("1,234", 1234)]
    [TestCase("The total is 1,234,567 yen", 1234567)]
    [TestCase("１，２３４", 1234)]
    [TestCase("７", 7)]
    [TestCase("答えは４２です", 42)]
    [TestCase("−5", -5)]
    [TestCase("The answer is −5.", -5)]
    [TestCase("－５", -5)]
    [TestCase("x=-3", -3)]
    [TestCase("気温はマイナス5度", -5)]
    [TestCase("3.14", 3.14)]
    [TestCase("about .5 of it", 0.5)]
    [TestCase("50%", 50)]
    public void Formats_are_understood(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase("1.5万", 15000)]
    [TestCase("約1.5万人です", 15000)]
    [TestCase("3万5千", 35000)]
    [TestCase("答えは3万5千円", 35000)]
    [TestCase("1万2345", 12345)]
    [TestCase("2億", 2e8)]
    [TestCase("3千", 3000)]
    public void Japanese_units_after_Arabic_digits_are_understood(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [TestCase("百八十", 180)]
    [TestCase("答えは百八十度です。", 180)]
    [TestCase("三十五", 35)]
    [TestCase("合計は三十五個です", 35)]
    [TestCase("二〇二五", 2025)]
    [TestCase("一億二千万", 120000000)]
    [TestCase("二十万", 200000)]
    [TestCase("十", 10)]
    [TestCase("マイナス五", -5)]
    [TestCase("答えはマイナス十二です", -12)]
    public void Kanji_numerals_are_read_when_there_are_no_Arabic_digits(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [Test]
    public void Arabic_digits_take_precedence_over_kanji()
    {
        Assert.That(ValueOf("三人で分けると1人4個"), Is.EqualTo(4));
    }

    [TestCase("2025-11", 11)]
    [TestCase("Released 2025-11", 11)]
    [TestCase("code AB-12", 12)]
    [TestCase("10 -3", -3)]
    public void Hyphen_inside_a_date_or_code_is_not_a_minus(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("I cannot say.")]
    [TestCase("わかりません")]
    public void No_number_gives_null(string output)
    {
        Assert.That(NumberExtractor.Extract(output), Is.Null);
    }

    [Test]
    public void Extract_returns_the_text_it_read()
    {
        var found = NumberExtractor.Extract("It costs 1,234 yen");

        Assert.That(found?.Text, Is.EqualTo("1234"));
    }

    [TestCase("42", 42)]
    [TestCase(" 42 ", 42)]
    [TestCase("-7", -7)]
    [TestCase("−7", -7)]
    [TestCase("1,000", 1000)]
    [TestCase("３．５", 3.5)]
    [TestCase("三十五", 35)]
    [TestCase("1.5万", 15000)]
    [TestCase("マイナス5", -5)]
    public void Parse_reads_target_tokens(string token, double expected)
    {
        Assert.That(NumberExtractor.Parse(token), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("forty-two")]
    [TestCase("1/2")]
    [TestCase("1.2.3")]
    [TestCase("万")]
    [TestCase("-")]
    [TestCase("マイナス")]
    public void Parse_rejects_non_numbers(string token)
    {
        Assert.That(NumberExtractor.Parse(token), Is.Null);
    }

    [TestCase("1e3", 1000)]
    [TestCase("The speed is 3.0e8 m/s", 3.0e8)]
    [TestCase("2.5E-3", 0.0025)]
    public void Scientific_notation_is_one_number(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase("42. Check: 40 + 2", 42)]
    [TestCase("ANSWER: 42\nCheck: 40 + 2 = 42", 42)]
    [TestCase("答え：42（確認：40 + 2）", 42)]
    [TestCase("42\n\nVerification: 6 x 7", 42)]
    [TestCase("Step 1: 3 + 4 = 7. Check: 7 - 4 = 3. ANSWER: 7", 7)]
    [TestCase("Let me check: 40 + 2 = 42", 42)]
    public void Arithmetic_in_a_check_after_the_answer_does_not_replace_it(string output, double expected)
    {
        Assert.That(ValueOf(output), Is.EqualTo(expected));
    }

    [Test]
    public void Without_nfkc_full_width_digits_are_not_read()
    {
        Assert.That(NumberExtractor.Extract("７", nfkc: false, ignoreCase: true), Is.Null);
        Assert.That(ValueOf("７"), Is.EqualTo(7));
    }

    [Test]
    public void Case_sensitive_markers_need_their_spelling()
    {
        Assert.That(NumberExtractor.Extract("ANSWER: 5, then 6", nfkc: true, ignoreCase: false)?.Value, Is.EqualTo(6));
        Assert.That(NumberExtractor.Extract("answer: 5, then 6", nfkc: true, ignoreCase: true)?.Value, Is.EqualTo(5));
    }
}
