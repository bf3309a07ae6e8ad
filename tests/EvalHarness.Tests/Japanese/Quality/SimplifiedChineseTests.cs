using System.Text;
using EvalHarness.Japanese.Quality;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class SimplifiedChineseTests
{
    [Test]
    public void No_listed_character_can_be_written_in_Shift_JIS()
    {
        var cp932 = CodePagesEncodingProvider.Instance.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var encodable = SimplifiedChinese.Characters.EnumerateRunes()
            .Select(r => r.ToString())
            .Where(c => CanEncode(cp932, c))
            .ToList();

        Assert.That(encodable, Is.Empty);
    }

    [Test]
    public void Common_Japanese_kanji_that_look_simplified_are_not_listed()
    {
        Assert.That("会没个来从机听气写号体几国学".Where(c => SimplifiedChinese.Characters.Contains(c, StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Ordinary_Japanese_has_no_listed_character()
    {
        const string japanese = "会議の時間に遅れないよう、東京駅から電車で向かいました。説明書を読んで、問題がないことを確認しました。";

        Assert.That(SimplifiedChinese.Find(japanese), Is.Empty);
    }

    private static bool CanEncode(Encoding encoding, string text)
    {
        try
        {
            encoding.GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
