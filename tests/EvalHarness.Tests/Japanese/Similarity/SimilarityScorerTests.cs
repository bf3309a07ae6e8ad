using EvalHarness.Scorers.Similarity.Bleu;
using EvalHarness.Scorers.Similarity.ChrF;
using EvalHarness.Japanese.MeCab;
using EvalHarness.Scorers.Similarity.Rouge;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;
using EvalHarness.Cli;
using EvalHarness.Extensions;
using EvalHarness.Scorers;
using EvalHarness.Japanese.Tokenization;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>The bleu, chrf and rouge scorers: options, catalogue, metadata, several targets, missing MeCab.</summary>
[TestFixture]
public sealed class SimilarityScorerTests
{
    private static IScorerFactory Factory(string name) => TestScorers.Factory(name);

    private static Task<Score> ScoreOf(string scorer, string output, string[] targets, string language = "ja", string options = "{}") =>
        Factory(scorer).Create(Options.Of(options)).ScoreAsync(Samples.Input(Samples.Make(targets: targets, language: language), output), CancellationToken.None);

    [Test]
    public void Catalogue_lists_the_scorers_with_their_default_metrics()
    {
        Assert.That(new[] { "bleu", "chrf", "rouge" }.Select(Composition.Catalog.Scorers.PackOf), Has.All.EqualTo("scorers"), "the similarity scorers are language-neutral");
        Assert.That(Factory("bleu").DefaultMetrics, Is.EqualTo(new[] { "corpus_bleu", "mean" }));
        Assert.That(Factory("chrf").DefaultMetrics, Is.EqualTo(new[] { "corpus_chrf", "mean" }));
        Assert.That(Factory("rouge").DefaultMetrics, Is.EqualTo(new[] { "mean" }));
        Assert.That(new[] { "corpus_bleu", "corpus_chrf" }.Select(Composition.Catalog.Metrics.PackOf), Has.All.EqualTo("scorers"));
    }

    [TestCase("bleu")]
    [TestCase("chrf")]
    [TestCase("rouge")]
    public void A_target_is_required(string name)
    {
        var scorer = Factory(name).Create(Options.Empty());
        Assert.That(scorer.CheckSample(Samples.Make(targets: []))?.Message, Does.Contain("target"));
        Assert.That(scorer.CheckSample(Samples.Make(targets: ["答え"])), Is.Null);
    }

    [TestCase("bleu", """{"tokenize": "mecab"}""", "tokenize")]
    [TestCase("bleu", """{"tokenize": "kytea"}""", "tokenize")]
    [TestCase("chrf", """{"word_order": 3}""", "word_order")]
    [TestCase("rouge", """{"variant": "rougeLsum"}""", "variant")]
    [TestCase("rouge", """{"tokenize": "kytea"}""", "tokenize")]
    public void Invalid_options_are_reported_as_diagnostics(string name, string options, string field)
    {
        var diagnostics = new DiagnosticBag();
        Factory(name).Create(Options.Of(options, diagnostics));
        Assert.That(diagnostics.HasErrors, Is.True);
        Assert.That(diagnostics.Items.Select(d => d.Field), Has.Some.Contains(field));
    }

    [TestCase("ja", "ja-mecab")]
    [TestCase("ja-JP", "ja-mecab")]
    [TestCase("en", "13a")]
    public async Task Auto_tokenizes_japanese_samples_with_mecab_and_others_with_13a(string language, string expected)
    {
        var score = await ScoreOf("bleu", "今日は晴れです。", ["今日は雨です。"], language);
        Assert.That(score.Metadata!["tokenizer"]!.GetValue<string>(), Is.EqualTo(expected));
    }

    [Test]
    public async Task Bleu_value_explanation_and_metadata_follow_sacrebleu()
    {
        // sacreBLEU 2.6.0, case ja08 of bleu_chrf.json: score 43.52399425673389, counts [15, 10, 7, 6],
        // totals [22, 21, 20, 19], sys_len 22, ref_len 19.
        var score = await ScoreOf("bleu", "会議室Ｂは１３時３０分から１５時まで予約されています。", ["会議室Bは13時30分から15時まで予約されています。"]);
        Assert.That(score.Value, Is.EqualTo(43.52399425673389));
        Assert.That(score.Explanation, Does.StartWith("BLEU 43.52 (ja-mecab, 1 reference)"));
        Assert.That(score.Explanation, Does.Contain("68.2/47.6/35.0/31.6").And.Contain("brevity penalty 1.000"));
        var statistics = BleuStatistics.ReadFrom(score.Metadata)!;
        Assert.That(statistics.Counts, Is.EqualTo(new long[] { 15, 10, 7, 6 }));
        Assert.That(statistics.Totals, Is.EqualTo(new long[] { 22, 21, 20, 19 }));
        Assert.That((statistics.SysLen, statistics.RefLen), Is.EqualTo((22L, 19L)));
        Assert.That(score.Metadata!["signature"]!.GetValue<string>(), Is.EqualTo("nrefs:1|case:mixed|eff:yes|tok:ja-mecab-0.996-IPA|smooth:exp|version:2.6.0"));
    }

    [Test]
    public async Task Several_bleu_targets_are_several_references()
    {
        // Hand-derived with sacreBLEU's rules: clipping by the larger count in any one reference gives
        // counts [4, 3, 1, 0] of totals [4, 3, 2, 1]; exp smoothing makes the 4-gram precision 100/2;
        // BLEU = (100 · 100 · 50 · 50)^(1/4) = sqrt(5000).
        var score = await ScoreOf("bleu", "a b c d", ["a b x y", "x b c d"], "en");
        var statistics = BleuStatistics.ReadFrom(score.Metadata)!;
        Assert.That(statistics.Counts, Is.EqualTo(new long[] { 4, 3, 1, 0 }));
        Assert.That(statistics.Totals, Is.EqualTo(new long[] { 4, 3, 2, 1 }));
        Assert.That(score.Value, Is.EqualTo(Math.Sqrt(5000)).Within(1e-9));
        Assert.That(score.Explanation, Does.Contain("2 references"));
    }

    [Test]
    public async Task Bleu_takes_the_closest_reference_length_and_the_shorter_on_a_tie()
    {
        // sacreBLEU's _get_closest_ref_len: 4 tokens against references of 2 and 6 tokens (both 2 away) gives 2.
        var score = await ScoreOf("bleu", "a b c d", ["a b", "a b c d e f"], "en");
        Assert.That(BleuStatistics.ReadFrom(score.Metadata)!.RefLen, Is.EqualTo(2));
    }

    [TestCase(0, 47.311195380035954, "chrF 47.31")]
    [TestCase(2, 40.552453182887966, "chrF++ 40.55")]
    public async Task Chrf_value_and_metadata_follow_sacrebleu(int wordOrder, double expected, string explanation)
    {
        // sacreBLEU 2.6.0, case ja08 of bleu_chrf.json (sentence_chrf / sentence_chrfpp).
        var score = await ScoreOf("chrf", "会議室Ｂは１３時３０分から１５時まで予約されています。", ["会議室Bは13時30分から15時まで予約されています。"], options: $$"""{"word_order": {{wordOrder}}}""");
        Assert.That(score.Value, Is.EqualTo(expected));
        Assert.That(score.Explanation, Does.StartWith(explanation));
        var statistics = ChrFStatistics.ReadFrom(score.Metadata)!;
        Assert.That((statistics.CharOrder, statistics.WordOrder), Is.EqualTo((6, wordOrder)));
        Assert.That(SacreChrF.Score(statistics), Is.EqualTo(score.Value));
    }

    [Test]
    public async Task Chrf_with_several_targets_keeps_the_best_reference()
    {
        var single = await ScoreOf("chrf", "今日は晴れです。", ["今日は晴れです。"]);
        var several = await ScoreOf("chrf", "今日は晴れです。", ["まったく別の文。", "今日は晴れです。"]);
        Assert.That(single.Value, Is.EqualTo(100));
        Assert.That(several.Value, Is.EqualTo(100));
    }

    [TestCase("rouge1", 0.6666666666666666)]
    [TestCase("rouge2", 0.5)]
    [TestCase("rougeL", 0.6666666666666666)]
    public async Task Rouge_value_is_the_f_measure_with_precision_and_recall_in_metadata(string variant, double expected)
    {
        // rouge_ja.json case ja05 (rouge-score definitions on MeCab tokens).
        var score = await ScoreOf("rouge", "京都には古い寺がたくさんあります。", ["京都には古い寺や神社がたくさんあり、一年中多くの観光客が訪れます。"], options: $$"""{"variant": "{{variant}}"}""");
        var reference = SimilarityVectors.RougeCases().Single(c => c.Text("hypothesis") == "京都には古い寺がたくさんあります。").GetProperty(variant);
        Assert.That(score.Value, Is.EqualTo(reference.GetProperty("fmeasure").GetDouble()));
        Assert.That(score.Value, Is.EqualTo(expected).Within(1e-15));
        Assert.That(score.Metadata!["precision"]!.GetValue<double>(), Is.EqualTo(reference.GetProperty("precision").GetDouble()));
        Assert.That(score.Metadata!["recall"]!.GetValue<double>(), Is.EqualTo(reference.GetProperty("recall").GetDouble()));
        Assert.That(score.Explanation, Does.StartWith(variant + " F "));
    }

    [Test]
    public async Task Rouge_with_several_targets_takes_the_best_f_measure()
    {
        var score = await ScoreOf("rouge", "the cat sat", ["a dog ran", "the cat sat down"], "en");
        Assert.That(score.Value, Is.EqualTo(RougeMeasures.FMeasure(1.0, 0.75)));
        Assert.That(score.Metadata!["tokenizer"]!.GetValue<string>(), Is.EqualTo("whitespace"));
    }

    [Test]
    public async Task Without_mecab_japanese_samples_fail_as_data_naming_the_packages()
    {
        // A tagger over a missing dictionary throws the same exception as a machine without MeCab.
        var noMecab = EvalCatalog.Create(ScorersPack.Default, new StandInPack(new JaMecabTokenizer(() => new MeCabTagger("/nonexistent/mecab/dictionary")))).Tokenizers;
        var sample = Samples.Make(targets: ["今日は雨です。"], language: "ja");
        var input = Samples.Input(sample, "今日は晴れです。");

        foreach (IScorer scorer in new IScorer[] { new BleuScorer("auto", noMecab), new RougeScorer("rougeL", "auto", noMecab) })
        {
            var score = await scorer.ScoreAsync(input, CancellationToken.None);
            Assert.That(score.Value, Is.Null);
            Assert.That(score.Error, Does.Contain(MeCabUnavailableException.Packages));
        }

        var english = await new BleuScorer("auto", noMecab).ScoreAsync(Samples.Input(Samples.Make(targets: ["it rains"], language: "en"), "it rains"), CancellationToken.None);
        Assert.That(english.Value, Is.EqualTo(100).Within(1e-9));
    }

    [Test]
    public async Task Scorers_give_the_same_answers_from_many_threads()
    {
        // Taggers, token tables and n-gram buffers are per thread; results must not depend on the thread.
        var cases = SimilarityVectors.BleuChrFCases();
        var scorers = new[] { Factory("bleu").Create(Options.Empty()), Factory("chrf").Create(Options.Of("""{"word_order": 2}""")), Factory("rouge").Create(Options.Empty()) };
        var inputs = cases.Select(c => Samples.Input(Samples.Make(targets: [c.Text("reference")], language: c.Text("lang")), c.Text("hypothesis"))).ToList();
        var sequential = new List<double?>();
        foreach (var input in inputs)
        {
            foreach (var scorer in scorers)
            {
                sequential.Add((await scorer.ScoreAsync(input, CancellationToken.None)).Value);
            }
        }

        var parallel = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var values = new List<double?>();
            foreach (var input in inputs)
            {
                foreach (var scorer in scorers)
                {
                    values.Add((await scorer.ScoreAsync(input, CancellationToken.None)).Value);
                }
            }

            return values;
        })));
        Assert.That(parallel, Has.All.EqualTo(sequential));
    }
}
