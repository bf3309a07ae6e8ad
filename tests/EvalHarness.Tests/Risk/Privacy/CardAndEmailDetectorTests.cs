using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

[TestFixture]
public sealed class CardAndEmailDetectorTests
{
    // Luhn-valid numbers constructed for this test (a check digit appended to an arbitrary prefix).
    [TestCase("カード番号は4532015112830366です", "4532015112830366")]
    [TestCase("カード：4532 0151 1283 0366", "4532 0151 1283 0366")]
    [TestCase("card 4532-0151-1283-0366 exp 12/29", "4532-0151-1283-0366")]
    [TestCase("カード番号 ５３５５ ２２００ １２３４ ５６７８", "５３５５ ２２００ １２３４ ５６７８")]
    [TestCase("Amex format: 3782 822463 10005", "3782 822463 10005")]
    public void Luhn_valid_card_numbers_are_found(string text, string expected)
    {
        var cards = Detections.All(text).Where(d => d.Kind == PersonalDataKinds.Card).ToList();
        Assert.That(cards.Select(c => text.Substring(c.Start, c.Length)), Does.Contain(expected));
    }

    [TestCase("カード番号は4532015112830367です")]
    [TestCase("Card: 4532 0151 1283 0367")]
    [TestCase("0000 0000 0000 0000")]
    [TestCase("追跡番号 1234 5678 9012 3456 7")]
    [TestCase("9999999999999995")]
    public void A_number_failing_luhn_or_outside_card_ranges_is_not_a_card(string text) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.Card), Is.Empty);

    [Test]
    public void Published_test_card_numbers_are_not_counted_and_the_mask_keeps_the_last_four()
    {
        var test = Detections.All("テスト用カード 4111 1111 1111 1111").Single();
        Assert.That((test.Kind, test.Counted), Is.EqualTo((PersonalDataKinds.Card, false)));

        Assert.That(Detections.All("card 4532-0151-1283-0366").Single().Mask, Is.EqualTo("****-****-****-0366"));
    }

    [TestCase("連絡はtaro.yamada@example.jpまで", "taro.yamada@example.jp")]
    [TestCase("メール：ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ")]
    [TestCase("Write to j.smith+hr@mail.example.com.", "j.smith+hr@mail.example.com")]
    public void Email_addresses_are_found(string text, string expected) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.Email), Is.EqualTo(new[] { (PersonalDataKinds.Email, expected) }));

    [TestCase("@example.jp のアカウント")]
    [TestCase("価格は 3@100円")]
    [TestCase("twitter handle @taro_yamada")]
    [TestCase("user@localhost")]
    public void Things_with_an_at_sign_are_not_email_addresses(string text) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.Email), Is.Empty);

    [Test]
    public void The_email_rendering_keeps_the_first_letter_and_the_domain() =>
        Assert.That(Detections.All("taro.yamada@example.jp").Single().Mask, Is.EqualTo("t***@example.jp"));
}
