using EvalHarness.Scorers.Tokenization;

namespace EvalHarness.Tests.Japanese.Similarity;

/// <summary>
/// The facts recorded beside the numbers in bleu_chrf.json and rouge_ja.json (environment, signatures,
/// cross_checks) that the other tests rely on, checked so that a regenerated file that changed them is
/// noticed rather than silently compared against.
/// </summary>
[TestFixture]
public sealed class ReferenceVectorCrossCheckTests
{
    [Test]
    public void Debian_s_ipadic_utf8_tokenises_every_case_as_the_reference_dictionary_did()
    {
        // The vectors were computed with the upstream 392,126-entry IPAdic; Debian's mecab-ipadic-utf8 adds
        // 令和 only. The generator found no case tokenised differently, and no input contains 令和, which is
        // what lets the ja-mecab tests run on Debian's dictionary.
        var shim = SimilarityVectors.BleuChrF.GetProperty("environment").GetProperty("ipadic_shim");
        Assert.That(shim.GetProperty("case_ids_tokenized_differently_by_debian_ipadic_utf8").GetArrayLength(), Is.Zero);
        var texts = SimilarityVectors.BleuChrFCases().SelectMany(c => new[] { c.Text("hypothesis"), c.Text("reference") })
            .Concat(SimilarityVectors.RougeCases().SelectMany(c => new[] { c.Text("hypothesis"), c.Text("reference") }));
        Assert.That(texts, Has.None.Contains("令和"));
    }

    [Test]
    public void Rouge_tokens_are_the_ja_mecab_tokenisation_of_bleu_chrf_json()
    {
        // rouge_ja.json cross_checks.tokens_identical_to_bleu_chrf_json_ja_mecab: the same pairs, and the
        // tokens are sacreBLEU's ja-mecab output split with str.split().
        Assert.That(SimilarityVectors.Rouge.GetProperty("cross_checks").GetProperty("tokens_identical_to_bleu_chrf_json_ja_mecab").GetBoolean(), Is.True);
        var bleu = SimilarityVectors.BleuChrFCases().ToDictionary(c => c.Text("id"), StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in SimilarityVectors.RougeCases())
            {
                var id = c.Text("id");
                Assert.That(bleu, Does.ContainKey(id));
                var other = bleu[id];
                Assert.That((c.Text("hypothesis"), c.Text("reference")), Is.EqualTo((other.Text("hypothesis"), other.Text("reference"))), id + " pair");
                var tokenized = other.GetProperty("tokenized").GetProperty("ja-mecab");
                Assert.That(c.Strings("hypothesis_tokens"), Is.EqualTo(PythonWhitespace.Split(tokenized.Text("hypothesis"))), id + " hypothesis tokens");
                Assert.That(c.Strings("reference_tokens"), Is.EqualTo(PythonWhitespace.Split(tokenized.Text("reference"))), id + " reference tokens");
            }
        }
    }

    [Test]
    public void Rouge_reference_was_checked_against_rouge_score_itself()
    {
        var google = SimilarityVectors.Rouge.GetProperty("cross_checks").GetProperty("google_rouge_scoring_functions");
        Assert.That(google.GetProperty("ran").GetBoolean(), Is.True);
        Assert.That(google.GetProperty("max_abs_diff").GetDouble(), Is.Zero);
    }

    [Test]
    public void Corpus_signatures_differ_from_sentence_signatures_only_in_effective_order()
    {
        // sacreBLEU 2.6.0's signatures: sentence BLEU (asserted against the bleu scorer's metadata in
        // ScorerReferenceTests) has eff:yes, corpus BLEU eff:no; SacreBleu.Compute's effectiveOrder flag
        // is that difference.
        var signatures = SimilarityVectors.BleuChrF.GetProperty("signatures");
        using (Assert.EnterMultipleScope())
        {
            foreach (var tokenizer in SimilarityVectors.BleuTokenizers)
            {
                var sentence = signatures.GetProperty("sentence_bleu").Text(tokenizer);
                var corpus = signatures.GetProperty("corpus_bleu").Text(tokenizer);
                Assert.That(sentence, Does.Contain("|eff:yes|").And.Contain("|version:2.6.0"), tokenizer);
                Assert.That(corpus, Is.EqualTo(sentence.Replace("|eff:yes|", "|eff:no|", StringComparison.Ordinal)), tokenizer);
            }

            Assert.That(signatures.GetProperty("sentence_bleu").Text("ja-mecab"), Does.Contain("|tok:ja-mecab-0.996-IPA|"));
            Assert.That(SimilarityVectors.BleuChrF.GetProperty("environment").Text("sacrebleu_version"), Is.EqualTo("2.6.0"));
        }
    }

    [Test]
    public void Every_corpus_lists_existing_cases_and_all_is_their_union()
    {
        var ids = SimilarityVectors.BleuChrFCases().Select(c => c.Text("id")).ToList();
        var corpora = SimilarityVectors.Corpora().ToDictionary(c => c.Name, c => c.Corpus.Strings("case_ids"), StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(corpora.Keys, Is.EquivalentTo(new[] { "ja", "en", "all" }));
            Assert.That(corpora["all"], Is.EqualTo(ids), "all = every case, in file order");
            Assert.That(corpora["ja"].Concat(corpora["en"]), Is.EqualTo(ids));
            Assert.That(ids, Is.Unique);
        }
    }
}
