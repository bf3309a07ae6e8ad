using EvalHarness.Japanese.MeCab;
using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class RegisterConsistencyScorerTests
{
    private static async Task<Score> ScoreOf(string output, string options = "{}")
    {
        var scorer = RegisterConsistencyScorer.Factory.Create(Options.Of(options));
        return await scorer.ScoreAsync(Samples.Input(Samples.Make(language: "ja"), output), CancellationToken.None);
    }

    [Test]
    public async Task Desu_masu_throughout_scores_one()
    {
        const string answer = """
            東京は日本の首都です。人口は約1400万人で、多くの企業が本社を置いています。
            観光地としても人気があり、毎年たくさんの人が訪れます。
            桜の季節は特に混雑しますので、早めに計画しましょう！
            ご不明な点があれば、お気軽にご質問ください。
            """;

        var score = await ScoreOf(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("polite"));
            Assert.That(score.Explanation, Does.StartWith("consistently polite (です・ます): 5 polite, 0 plain of 5 classified sentences"));
            Assert.That(score.Metadata!["polite"]!.GetValue<int>(), Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Mixed_registers_score_the_dominant_share_and_name_the_first_offender()
    {
        const string answer = "東京は日本の首都です。人口は約1400万人である。多くの企業が本社を置いています。観光地としても人気があります。";

        var score = await ScoreOf(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(0.75).Within(1e-9));
            Assert.That(score.Explanation, Does.StartWith("mixed registers, polite (です・ます) dominates: 3 polite, 1 plain of 4 classified sentences"));
            Assert.That(score.Explanation, Does.EndWith("first plain sentence (line 1): 「人口は約1400万人である。」"));
            Assert.That(score.Metadata!["first_inconsistent"]!.GetValue<string>(), Is.EqualTo("人口は約1400万人である。"));
        }
    }

    [Test]
    public async Task A_tie_goes_to_the_register_the_answer_opened_with()
    {
        var score = await ScoreOf("この方法は簡単だ。\nまず設定を開きます。\n次に保存ボタンを押す。\n最後に再起動してください。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(score.Metadata!["dominant"]!.GetValue<string>(), Is.EqualTo("plain"));
            Assert.That(score.Explanation, Does.EndWith("first polite sentence (line 2): 「まず設定を開きます。」"));
        }
    }

    [Test]
    public async Task Plain_throughout_with_expected_polite_scores_zero()
    {
        const string answer = "東京は日本の首都だ。人口は約1400万人である。多くの企業が本社を置いている。観光客も多い。";

        var consistent = await ScoreOf(answer);
        var polite = await ScoreOf(answer, "{\"expected\": \"polite\"}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(consistent.Value, Is.EqualTo(1), consistent.Explanation);
            Assert.That(polite.Value, Is.Zero);
            Assert.That(polite.Explanation, Does.StartWith("expected polite (です・ます), 0 of 4 classified sentences are: 0 polite, 4 plain"));
            Assert.That(polite.Explanation, Does.EndWith("first plain sentence (line 1): 「東京は日本の首都だ。」"));
        }
    }

    [Test]
    public async Task Expected_plain_counts_polite_sentences_as_deviations()
    {
        var score = await ScoreOf("本研究の目的は明確である。手法は次の通りだ。結果は後で説明します。", "{\"expected\": \"plain\"}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(score.Explanation, Does.EndWith("first polite sentence (line 1): 「結果は後で説明します。」"));
        }
    }

    [Test]
    public async Task Headings_predicate_less_bullets_quotes_and_code_are_not_classified()
    {
        const string answer = """
            ## おすすめの山

            - 富士山
            - 北岳
            ・奥穂高岳（3,190m）

            山小屋の主人は「今日は風が強いから気をつけろ」と言いました。
            「無理をするな」

            ```bash
            echo "だ。である。"
            ```
            """;

        var score = await ScoreOf(answer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Metadata!["polite"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(score.Metadata!["plain"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(score.Metadata!["unclassified"]!.GetValue<int>(), Is.EqualTo(4));
        }
    }

    [Test]
    public async Task List_items_with_predicates_count_unless_include_lists_is_false()
    {
        const string answer = "健康のために次のことをおすすめします。\n- 毎日30分歩く\n- 野菜を多く食べる\nぜひ試してみてください。";

        var counted = await ScoreOf(answer);
        var skipped = await ScoreOf(answer, "{\"include_lists\": false}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(counted.Value, Is.EqualTo(0.5).Within(1e-9));
            Assert.That(skipped.Value, Is.EqualTo(1), skipped.Explanation);
        }
    }

    [Test]
    public async Task Answer_without_a_classifiable_sentence_scores_one_and_says_why()
    {
        var score = await ScoreOf("## 結論\n富士山（3,776m）\n- 静岡県\n- 山梨県");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1));
            Assert.That(score.Answer, Is.Null);
            Assert.That(score.Explanation, Does.StartWith("no sentence ends in a classifiable predicate (3 sentences"));
        }
    }

    [Test]
    public async Task Missing_MeCab_dictionary_is_unscored_with_the_packages_to_install()
    {
        var scorer = new RegisterConsistencyScorer(RegisterConsistencyScorer.Consistent, includeLists: true, () => new MeCabTagger("/nonexistent/mecab-dictionary"));

        var score = await scorer.ScoreAsync(Samples.Input(Samples.Make(language: "ja"), "東京は日本の首都です。"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Null);
            Assert.That(score.Error, Does.Contain(MeCabUnavailableException.Packages));
        }
    }

    [Test]
    public void Unknown_expected_value_is_a_configuration_error()
    {
        var diagnostics = new DiagnosticBag();

        RegisterConsistencyScorer.Factory.Create(Options.Of("{\"expected\": \"keigo\"}", diagnostics));

        Assert.That(diagnostics.Items.Select(d => d.Message), Has.One.Contains("must be consistent, polite or plain"));
    }
}
