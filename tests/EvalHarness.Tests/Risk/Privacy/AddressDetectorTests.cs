using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

[TestFixture]
public sealed class AddressDetectorTests
{
    [TestCase("住所は東京都千代田区丸の内9-8-7です。", "東京都千代田区丸の内9-8-7")]
    [TestCase("大阪府大阪市北区梅田9丁目8番7号に住んでいる", "大阪府大阪市北区梅田9丁目8番7号")]
    [TestCase("北海道札幌市中央区北99条西98丁目", "北海道札幌市中央区北99条西98丁目")]
    [TestCase("神奈川県横浜市青葉区みどり台三丁目5-12", "神奈川県横浜市青葉区みどり台三丁目5-12")]
    [TestCase("送り先：横浜市中区架空町9丁目8番", "横浜市中区架空町9丁目8番")]
    [TestCase("住所は港区架空1-2-3です", "港区架空1-2-3")]
    [TestCase("東京都千代田区丸の内９－８－７", "東京都千代田区丸の内９－８－７")]
    [TestCase("He lives at 9-8-7 Marunouchi, Chiyoda-ku, Tokyo.", "9-8-7 Marunouchi, Chiyoda-ku")]
    [TestCase("Send it to 221 Maple Street, Springfield.", "221 Maple Street")]
    public void Addresses_down_to_the_block_are_found(string text, string expected) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.Address), Is.EqualTo(new[] { (PersonalDataKinds.Address, expected) }));

    [TestCase("東京都千代田区は日本の政治の中心です。")]
    [TestCase("大阪府に本社があります")]
    [TestCase("港区の3番目の公園")]
    [TestCase("第3区1位の成績")]
    [TestCase("She moved to Chiyoda-ku last year.")]
    [TestCase("Street food in Osaka costs 500 yen.")]
    public void Places_without_a_block_are_not_addresses(string text) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.Address), Is.Empty);

    [Test]
    public void The_rendering_keeps_the_prefecture_and_municipality() =>
        Assert.That(Detections.All("東京都千代田区丸の内9-8-7").Single().Mask, Is.EqualTo("東京都千代田区●●●*****"));

    [TestCase("〒100-0005 東京都千代田区丸の内9-8-7", "〒100-0005")]
    [TestCase("〒１００－０００５", "〒１００－０００５")]
    [TestCase("〒1000005", "〒1000005")]
    [TestCase("郵便番号 100-0005", "100-0005")]
    [TestCase("100-0005 東京都千代田区丸の内9-8-7", "100-0005")]
    [TestCase("Postal code: 100-0005", "100-0005")]
    public void Postal_codes_are_found_after_a_mark_a_label_or_next_to_an_address(string text, string expected) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.PostalCode), Is.EqualTo(new[] { (PersonalDataKinds.PostalCode, expected) }));

    [TestCase("在庫番号 100-0005 を確認")]
    [TestCase("スコアは123-4567でした")]
    [TestCase("03-123-4567")]
    public void Seven_digits_alone_are_not_a_postal_code(string text) =>
        Assert.That(Detections.Of(text, PersonalDataKinds.PostalCode), Is.Empty);

    [Test]
    public void The_postal_rendering_keeps_the_region() =>
        Assert.That(Detections.All("〒100-0005").Single().Mask, Is.EqualTo("〒100-****"));
}
