using System.Text.Json;
using EvalHarness.Japanese.Qa;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>
/// Known answers from ../shared/reference-vectors/char_f1.json, read in place. The token-sort values were
/// produced by gen_char_f1.py with fuzzywuzzy 0.18.0 <c>fuzz.token_sort_ratio</c> and the python-Levenshtein
/// 0.12.2 backend (Debian's python3-fuzzywuzzy 0.18.0-4 and python3-levenshtein 0.12.2-2+b4, Python 3.11.2
/// with Unicode 14.0.0 data; thefuzz 0.19.0 and upstream fuzzywuzzy HEAD af443f9 agree on every case),
/// <c>char_f1</c> being llm-jp-eval's definition on top of it (NFKC on the prediction, / 100);
/// <c>squad_char_f1</c> by the same generator's own bag-of-characters F1. Every case and every edge case is
/// checked, each test reporting all mismatches at once, and every number exactly: they are integer-derived.
/// </summary>
[TestFixture]
public sealed class CharF1ReferenceTests
{
    [Test]
    public void Fuzzywuzzy_processing_and_ratio_match_for_every_case()
    {
        using var doc = ReferenceVectors.Load("char_f1.json");
        var checkedCases = 0;
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in AllCases(doc))
            {
                var id = c.GetProperty("id").GetString();
                var detail = c.GetProperty("token_sort_detail");
                var nfkc = PythonText.Nfkc(c.GetProperty("prediction_raw").GetString()!);
                Assert.That(nfkc, Is.EqualTo(c.GetProperty("prediction_nfkc").GetString()), $"{id}: NFKC of the prediction");

                var result = TokenSortRatio.Compute(nfkc, c.GetProperty("reference").GetString()!);
                Assert.That(result.ProcessedA, Is.EqualTo(detail.GetProperty("processed_prediction").GetString()), $"{id}: processed prediction");
                Assert.That(result.ProcessedB, Is.EqualTo(detail.GetProperty("processed_reference").GetString()), $"{id}: processed reference");
                Assert.That(result.PathName, Is.EqualTo(detail.GetProperty("path").GetString()), $"{id}: path");
                Assert.That(result.Ratio, Is.EqualTo(detail.GetProperty("token_sort_ratio").GetInt32()), $"{id}: token_sort_ratio");
                if (detail.TryGetProperty("lcs_codepoints", out var lcs))
                {
                    var lengths = detail.GetProperty("len_codepoints");
                    Assert.That(result.Lcs, Is.EqualTo(lcs.GetInt32()), $"{id}: LCS");
                    Assert.That(result.LengthA, Is.EqualTo(lengths[0].GetInt32()), $"{id}: prediction length in code points");
                    Assert.That(result.LengthB, Is.EqualTo(lengths[1].GetInt32()), $"{id}: reference length in code points");
                    Assert.That(result.LevenshteinRatio, Is.EqualTo(detail.GetProperty("levenshtein_ratio").GetDouble()), $"{id}: Levenshtein ratio");
                    Assert.That(result.HundredTimesRatio, Is.EqualTo(detail.GetProperty("hundred_times_ratio").GetDouble()), $"{id}: 100 × ratio");
                }
                else
                {
                    Assert.That(result.Lcs, Is.Null, $"{id}: no edit distance on the {result.PathName} path");
                }

                checkedCases++;
            }
        }

        Assert.That(checkedCases, Is.EqualTo(CaseCount(doc)).And.GreaterThan(0));
    }

    [Test]
    public async Task Char_f1_scorer_equals_llm_jp_eval_for_every_case()
    {
        using var doc = ReferenceVectors.Load("char_f1.json");
        var scorer = CharF1Scorer.Factory.Create(Options.Empty());
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in AllCases(doc))
            {
                var id = c.GetProperty("id").GetString();
                var detail = c.GetProperty("token_sort_detail");
                var score = await ScoreAsync(scorer, c);
                Assert.That(score.Value, Is.EqualTo(c.GetProperty("char_f1").GetDouble()), $"{id}: {score.Explanation}");
                Assert.That(score.Metadata!["token_sort_ratio"]!.GetValue<int>(), Is.EqualTo(detail.GetProperty("token_sort_ratio").GetInt32()), $"{id}: token_sort_ratio in the metadata");
                Assert.That(score.Metadata!["path"]!.GetValue<string>(), Is.EqualTo(detail.GetProperty("path").GetString()), $"{id}: path in the metadata");
                Assert.That(score.Metadata!["lcs"]?.GetValue<int>(), Is.EqualTo(detail.TryGetProperty("lcs_codepoints", out var lcs) ? lcs.GetInt32() : (int?)null), $"{id}: LCS in the metadata");
            }
        }
    }

    [Test]
    public async Task Char_f1_with_nfkc_target_equals_the_nfkc_both_value_for_every_case()
    {
        using var doc = ReferenceVectors.Load("char_f1.json");
        var scorer = CharF1Scorer.Factory.Create(Options.Of("""{"nfkc_target": true}"""));
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in AllCases(doc))
            {
                var score = await ScoreAsync(scorer, c);
                Assert.That(score.Value, Is.EqualTo(c.GetProperty("char_f1_nfkc_both").GetDouble()), $"{c.GetProperty("id").GetString()}: {score.Explanation}");
            }
        }
    }

    [Test]
    public async Task Char_f1_squad_equals_the_bag_of_characters_reference_for_every_case()
    {
        using var doc = ReferenceVectors.Load("char_f1.json");
        var scorer = CharF1SquadScorer.Factory.Create(Options.Empty());
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in AllCases(doc))
            {
                var id = c.GetProperty("id").GetString();
                var expected = c.GetProperty("squad_char_f1");
                var score = await ScoreAsync(scorer, c);
                var metadata = score.Metadata!;
                Assert.That(score.Value, Is.EqualTo(expected.GetProperty("f1").GetDouble()), $"{id}: F1");
                Assert.That(metadata["precision"]?.GetValue<double>(), Is.EqualTo(Nullable(expected.GetProperty("precision"))), $"{id}: precision");
                Assert.That(metadata["recall"]?.GetValue<double>(), Is.EqualTo(Nullable(expected.GetProperty("recall"))), $"{id}: recall");
                Assert.That(metadata["prediction_chars"]!.GetValue<int>(), Is.EqualTo(expected.GetProperty("pred_chars").GetInt32()), $"{id}: prediction characters");
                Assert.That(metadata["target_chars"]!.GetValue<int>(), Is.EqualTo(expected.GetProperty("ref_chars").GetInt32()), $"{id}: reference characters");
                Assert.That(metadata["common"]!.GetValue<int>(), Is.EqualTo(expected.GetProperty("common").GetInt32()), $"{id}: common characters");
            }
        }
    }

    [Test]
    public async Task Exact_match_and_set_f1_agree_with_the_reference_s_nfkc_output_for_every_case()
    {
        // char_f1.json has no exact_match or set_f1 values; what it does give is the prediction after
        // Python's NFKC (prediction_nfkc, unicodedata 14.0.0). llm-jp-eval's exact_match is
        // NFKC(prediction).strip() == gold, and for these one-line texts set_f1 is 1 when the stripped lines
        // are equal and 0 otherwise; str.strip() is PythonText.Strip, tested on its own in PythonTextTests.
        using var doc = ReferenceVectors.Load("char_f1.json");
        var exact = LlmJpExactMatchScorer.Factory.Create(Options.Empty());
        var setF1 = SetF1Scorer.Factory.Create(Options.Empty());
        var matches = 0;
        using (Assert.EnterMultipleScope())
        {
            foreach (var c in AllCases(doc))
            {
                var id = c.GetProperty("id").GetString();
                var prediction = PythonText.Strip(c.GetProperty("prediction_nfkc").GetString()!);
                var reference = c.GetProperty("reference").GetString()!;
                Assert.That(prediction, Does.Not.Contain("\n"), $"{id} is one line");
                var equal = string.Equals(prediction, reference, StringComparison.Ordinal);
                matches += equal ? 1 : 0;
                Assert.That((await ScoreAsync(exact, c)).Value, Is.EqualTo(equal ? 1.0 : 0.0), $"{id}: exact_match");
                Assert.That((await ScoreAsync(setF1, c)).Value, Is.EqualTo(string.Equals(prediction, PythonText.Strip(reference), StringComparison.Ordinal) ? 1.0 : 0.0), $"{id}: set_f1");
            }
        }

        Assert.That(matches, Is.GreaterThan(0).And.LessThan(CaseCount(doc)), "both outcomes occur");
    }

    [Test]
    public void The_cases_exercise_every_token_sort_path()
    {
        // Guards the vectors themselves: if a path were missing, the tests above would not pin it down.
        using var doc = ReferenceVectors.Load("char_f1.json");
        var paths = AllCases(doc).Select(c => c.GetProperty("token_sort_detail").GetProperty("path").GetString()).ToHashSet();

        Assert.That(paths, Is.EquivalentTo(new[] { "equal_after_processing", "one_side_empty", "levenshtein_ratio" }));
    }

    private static IEnumerable<JsonElement> AllCases(JsonDocument doc) =>
        doc.RootElement.GetProperty("cases").EnumerateArray().Concat(doc.RootElement.GetProperty("edge_cases").EnumerateArray());

    private static int CaseCount(JsonDocument doc) =>
        doc.RootElement.GetProperty("cases").GetArrayLength() + doc.RootElement.GetProperty("edge_cases").GetArrayLength();

    private static double? Nullable(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static Task<Score> ScoreAsync(IScorer scorer, JsonElement c)
    {
        var sample = Samples.Make(targets: [c.GetProperty("reference").GetString()!]);
        return scorer.ScoreAsync(Samples.Input(sample, c.GetProperty("prediction_raw").GetString()!), CancellationToken.None);
    }
}
