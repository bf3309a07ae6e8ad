using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

[TestFixture]
public sealed class IdNumberDetectorTests
{
    private static readonly string Valid = Detections.ValidMyNumber("31415926535");

    private static string Spaced(string digits) => $"{digits[..4]} {digits[4..8]} {digits[8..]}";

    [Test]
    public void A_twelve_digit_number_with_a_valid_check_digit_is_a_my_number_in_any_layout()
    {
        string[] texts =
        [
            $"鈴木さんの個人番号は{Valid}です。",
            $"マイナンバー：{Spaced(Valid)}",
            $"番号 {Valid[..4]}-{Valid[4..8]}-{Valid[8..]} を控えました",
            $"Her My Number is {Spaced(Valid)}.",
            $"記載の番号：{string.Concat(Valid.Select(c => (char)(c + 0xFEE0)))}",
        ];
        foreach (var text in texts)
        {
            Assert.That(Detections.Of(text, PersonalDataKinds.MyNumber), Has.Count.EqualTo(1), text);
        }
    }

    [Test]
    public void A_twelve_digit_number_failing_the_check_digit_is_not_a_my_number()
    {
        var broken = Detections.Broken(Valid);
        Assert.That(Detections.All($"在庫数は{broken}個です"), Is.Empty, "no label: just a number");

        var labelled = Detections.All($"山田太郎さんのマイナンバーは {Spaced(broken)} です。");
        Assert.That(labelled, Has.Count.EqualTo(1), "labelled: reported");
        Assert.That(labelled[0].Counted, Is.False, "but not counted");
        Assert.That(labelled[0].Masked, Is.True, "and still masked: a mistyped real number is someone's");
        Assert.That(labelled[0].Note, Does.Contain("fails the check digit"));
        Assert.That(labelled[0].Mask, Is.EqualTo("**** **** ****"));

        var english = Detections.All($"Taro's My Number: {broken}");
        Assert.That(english.Single().Counted, Is.False);
    }

    [Test]
    public void Numbers_next_to_twelve_digits_are_not_my_numbers()
    {
        Assert.That(Detections.Of($"1{Valid}", PersonalDataKinds.MyNumber), Is.Empty, "13 digits");
        Assert.That(Detections.Of($"{Spaced(Valid)} 1234", PersonalDataKinds.MyNumber), Is.Empty, "part of a longer group");
        Assert.That(Detections.Of($"注文番号 {Valid}", PersonalDataKinds.MyNumber), Is.Empty, "an order number that happens to pass");
        Assert.That(Detections.Of($"{Valid[..4]} {Valid[4..8]}-{Valid[8..]}", PersonalDataKinds.MyNumber), Is.Empty, "mixed separators");
    }

    [Test]
    public void A_corporate_number_is_public_and_neither_counted_nor_masked()
    {
        // 7123456789012 is the National Tax Agency's worked example; T + 13 digits is an invoice registration number.
        foreach (var text in new[] { "法人番号：7123456789012", "登録番号 T7123456789012" })
        {
            var found = Detections.All(text).Single();
            Assert.That((found.Kind, found.Counted, found.Masked), Is.EqualTo((PersonalDataKinds.CorporateNumber, false, false)), text);
        }

        Assert.That(Detections.All("法人番号：6123456789012").Where(d => d.Kind == PersonalDataKinds.CorporateNumber), Is.Empty, "check digit fails");
    }
}
