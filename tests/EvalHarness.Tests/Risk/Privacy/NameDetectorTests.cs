using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

[TestFixture]
public sealed class NameDetectorTests
{
    private static IReadOnlyList<string> Names(string text) =>
        [.. NameDetector.Default.Find(new ScannedText(text)).Select(n => text.Substring(n.Start, n.Length))];

    [TestCase("山田太郎さんに連絡してください", "山田太郎")]
    [TestCase("担当は佐々木 花子です", "佐々木 花子")]
    [TestCase("田中部長に確認します", "田中")]
    [TestCase("小野寺様へ", "小野寺")]
    [TestCase("ジョン・スミスさんの件", "ジョン・スミス")]
    [TestCase("氏名：架空一郎", "架空一郎")]
    [TestCase("Please ask Ms. Whitfield.", "Whitfield")]
    [TestCase("Emily Clark called yesterday.", "Emily Clark")]
    [TestCase("Taro Yamada works here.", "Taro Yamada")]
    [TestCase("Name: Oliver Grant", "Oliver Grant")]
    public void Person_names_are_found(string text, string expected) =>
        Assert.That(Names(text), Does.Contain(expected));

    [TestCase("お客様各位")]
    [TestCase("担当者様へのご連絡")]
    [TestCase("皆さん、こんにちは")]
    [TestCase("New York is large.")]
    [TestCase("Main Street Station")]
    [TestCase("the customer service team")]
    public void Words_that_are_not_names_are_not_names(string text) =>
        Assert.That(Names(text), Is.Empty);

    [Test]
    public void A_name_within_the_window_links_the_data_to_a_person()
    {
        var linked = Detections.All("山田太郎さんの携帯は090-0000-4821です。").Single();
        Assert.That(linked.LinkedName, Is.Not.Null);
        Assert.That(linked.LinkedName!.Mask, Is.EqualTo("山●●●"));

        var english = Detections.All("Emily Clark: emily.clark@example.com").Single();
        Assert.That(english.LinkedName!.Mask, Is.EqualTo("E**** C****"));

        var far = Detections.All("山田太郎さんについて。" + new string('あ', 40) + "代表番号は03-5555-0172です。").Single();
        Assert.That(far.LinkedName, Is.Null, "a name 40 characters away is not linked");
    }
}
