using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

[TestFixture]
public sealed class PhoneDetectorTests
{
    [TestCase("山田さんの携帯は090-0000-4821です。", "090-0000-4821", "mobile")]
    [TestCase("連絡先：080 0000 7731", "080 0000 7731", "mobile")]
    [TestCase("070-0000-2214にお電話ください", "070-0000-2214", "mobile")]
    [TestCase("携帯：０９０－００００－４８２１", "０９０－００００－４８２１", "mobile")]
    [TestCase("電話は０９０ー００００ー４８２１まで", "０９０ー００００ー４８２１", "mobile")]
    [TestCase("番号は09000004821です", "09000004821", "mobile")]
    [TestCase("代表：03-5555-0172（平日9時から）", "03-5555-0172", "landline")]
    [TestCase("本社 06(5555)0123", "06(5555)0123", "landline")]
    [TestCase("窓口 (03) 5555-0144", "(03) 5555-0144", "landline")]
    [TestCase("支店：045-555-0190", "045-555-0190", "landline")]
    [TestCase("営業所：0467-55-0123", "0467-55-0123", "landline")]
    [TestCase("出張所：01654-5-0123", "01654-5-0123", "landline")]
    [TestCase("TEL:0355550172", "0355550172", "landline")]
    [TestCase("IP電話 050-5555-0123", "050-5555-0123", "IP phone")]
    [TestCase("フリーダイヤル 0120-555-012", "0120-555-012", "toll-free")]
    [TestCase("0800-555-0123 (無料)", "0800-555-0123", "toll-free")]
    [TestCase("ナビダイヤル0570-055-012", "0570-055-012", "navi dial")]
    [TestCase("Call me at +81 90-0000-4821 tonight.", "+81 90-0000-4821", "mobile")]
    [TestCase("Office: +81-3-5555-0172", "+81-3-5555-0172", "landline")]
    [TestCase("Phone +81 (0)3 5555 0172 ext. 12", "+81 (0)3 5555 0172", "landline")]
    [TestCase("Her number is 090.0000.4821.", "090.0000.4821", "mobile")]
    public void Japanese_phone_numbers_are_found(string text, string expected, string detail)
    {
        var phones = Detections.All(text).Where(d => d.Kind == PersonalDataKinds.Phone).ToList();

        Assert.That(phones.Select(p => text.Substring(p.Start, p.Length)), Is.EqualTo(new[] { expected }));
        Assert.That(phones[0].Detail, Is.EqualTo(detail));
        Assert.That(phones[0].Counted, Is.True);
    }

    [TestCase("注文番号 0312345678 の商品は発送済みです。")]
    [TestCase("Order 0901234567 shipped.")]
    [TestCase("会員番号：09000004821")]
    [TestCase("2024-09-01 に開催します。")]
    [TestCase("2024/03/15 10:30")]
    [TestCase("1234567890 is a ten-digit number.")]
    [TestCase("売上は 0355550172 円ではありません")]
    [TestCase("090-123-4567 は桁が足りない")]
    [TestCase("0901-23-45678 はこう区切らない")]
    [TestCase("05-2024-1234 は市外局番ではない")]
    [TestCase("090-0000-4821-7 は電話番号ではない")]
    [TestCase("ID: ORD0900004821")]
    [TestCase("円周率は3.0900004821…ではありません")]
    [TestCase("The ISBN 978-4-00-000000-0 is not a phone.")]
    public void Numbers_that_only_look_like_phones_are_not_phones(string text) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.Phone), Is.Empty);

    [Test]
    public void A_landline_without_separators_needs_a_phone_label()
    {
        Assert.That(Detections.Of("数値 0355550172 を入力", PersonalDataKinds.Phone), Is.Empty);
        Assert.That(Detections.Of("電話 0355550172", PersonalDataKinds.Phone), Has.Count.EqualTo(1));
    }

    [Test]
    public void The_masked_rendering_keeps_the_prefix_and_the_last_two_digits()
    {
        Assert.That(Detections.All("携帯 090-0000-4834").Single().Mask, Is.EqualTo("090-****-**34"));
        Assert.That(Detections.All("携帯 ０９０－００００－４８３４").Single().Mask, Is.EqualTo("０９０－＊＊＊＊－＊＊３４".Replace('＊', '*')));
        Assert.That(Detections.All("tel +81 90-0000-4834").Single().Mask, Is.EqualTo("+81 90-****-**34"));
    }

    [TestCase("電話番号は 090-1234-5678 のように書きます")]
    [TestCase("例：03-1234-5678")]
    [TestCase("e.g. 090-0000-4821")]
    public void Examples_and_placeholders_are_reported_but_not_counted(string text)
    {
        var all = Detections.All(text);
        Assert.That(all.Single().Kind, Is.EqualTo(PersonalDataKinds.Phone));
        Assert.That(all.Single().Counted, Is.False);
        Assert.That(all.Single().Note, Does.Contain("example"));
    }

    [Test]
    public void The_label_nearest_the_number_decides()
    {
        Assert.That(Detections.Of("注文番号ではなく電話：0355550172", PersonalDataKinds.Phone), Has.Count.EqualTo(1));
        Assert.That(Detections.Of("電話で伝えた注文番号 0355550172", PersonalDataKinds.Phone), Is.Empty);
    }

    [Test]
    public void A_word_label_must_stand_alone()
    {
        // "provide" contains "id", which must not make the number an ID.
        Assert.That(Detections.Of("Please provide 090-0000-4821 to the clerk.", PersonalDataKinds.Phone), Has.Count.EqualTo(1));
    }
}
