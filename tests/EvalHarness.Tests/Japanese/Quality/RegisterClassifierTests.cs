using EvalHarness.Japanese.MeCab;
using EvalHarness.Japanese.Quality;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class RegisterClassifierTests
{
    [TestCase("これは重要です。")]
    [TestCase("東京に行きました。")]
    [TestCase("問題ありません。")]
    [TestCase("問題はありませんでした。")]
    [TestCase("ご確認ください。")]
    [TestCase("これでよろしいでしょうか？")]
    [TestCase("本当にそうなのですか？")]
    [TestCase("一緒に頑張りましょう！✨")]
    [TestCase("最新版で使えます（2024年時点）。")]
    [TestCase("面白いですよね〜")]
    [TestCase("次の3つがあります：")]
    [TestCase("お待ちしております。")]
    [TestCase("明日なら行きますけど。")]
    [TestCase("そちらのほうが重要ですし。")]
    [TestCase("それは理解していますが。")]
    [TestCase("在庫はまだありますから。")]
    [TestCase("少し高いですけどね。")]
    [TestCase("昨日はもう行きましたけど。")]
    [TestCase("こちらで準備しますので。")]
    [TestCase("一応確認したんですけれども。")]
    public void Polite_endings_are_polite(string sentence)
    {
        Assert.That(RegisterClassifier.Classify(sentence, MeCabTagger.Default), Is.EqualTo(Register.Polite));
    }

    [TestCase("これは重要だ。")]
    [TestCase("それは問題である。")]
    [TestCase("問題はない。")]
    [TestCase("毎日本を読む。")]
    [TestCase("景色が美しい。")]
    [TestCase("昨日は静かだった。")]
    [TestCase("本当にそうなのか？")]
    [TestCase("明日は雨だろう。")]
    [TestCase("なぜだろうか。")]
    [TestCase("そうだよね。")]
    [TestCase("彼は「ありがとう」と言った。")]
    [TestCase("みんなで行こう！")]
    [TestCase("明日なら行くけど。")]
    [TestCase("そちらのほうが重要だし。")]
    [TestCase("理解しているが。")]
    [TestCase("雨だから。")]
    [TestCase("重要なので。")]
    [TestCase("もう行ったし。")]
    public void Plain_endings_are_plain(string sentence)
    {
        Assert.That(RegisterClassifier.Classify(sentence, MeCabTagger.Default), Is.EqualTo(Register.Plain));
    }

    [TestCase("以上。")]
    [TestCase("富士山")]
    [TestCase("「もう帰るよ」")]
    [TestCase("結論：Yes")]
    [TestCase("ポイントは3つ。")]
    [TestCase("次の問いに答えなさい。")]
    [TestCase("早く寝なさい！")]
    public void Endings_without_a_predicate_are_not_classified(string sentence)
    {
        Assert.That(RegisterClassifier.Classify(sentence, MeCabTagger.Default), Is.EqualTo(Register.Unclassified));
    }

    [Test]
    public void Nasai_in_an_answer_does_not_break_its_register()
    {
        // なさい fits a polite answer and a plain one alike, so it counts against neither.
        var polite = RegisterClassifier.Classify("問題をよく読みなさい。", MeCabTagger.Default);
        var nasaimasu = RegisterClassifier.Classify("先生がお話しなさいます。", MeCabTagger.Default);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(polite, Is.EqualTo(Register.Unclassified));
            Assert.That(nasaimasu, Is.EqualTo(Register.Polite));
        }
    }
}
