using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>
/// judge-check's κ against scikit-learn's cohen_kappa_score as recorded in ../shared/reference-vectors/stats.json:
/// each case's rater 1 becomes the human labels and rater 2 the verdicts a scripted judge gives, through a rubric
/// file whose verdicts are the case's labels (integers become the labels v0, v1, …; the ordinal case also goes
/// through a 0–4 rating scale, whose κ is quadratic-weighted).
/// </summary>
[TestFixture]
public sealed class JudgeCheckReferenceTests
{
    private const double Tolerance = 1e-12;

    [Test]
    public async Task Kappa_equals_the_reference_for_every_cohen_kappa_case()
    {
        using var doc = ReferenceVectors.Load("stats.json");
        var kappa = doc.RootElement.GetProperty("cohen_kappa");
        var cases = kappa.GetProperty("cases").EnumerateArray().Concat(kappa.GetProperty("edge_cases").EnumerateArray()).ToList();
        Assert.That(cases, Has.Count.GreaterThanOrEqualTo(7));
        using var dir = new TempDirectory();
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var judge = await FakeOpenAiServer.StartAsync(request => JudgeCheckRun.Judge(request, verdicts));

        var checkedQuadratic = 0;
        foreach (var c in cases)
        {
            var name = c.GetProperty("name").GetString()!;
            var human = Labels(c.GetProperty("rater1"));
            var judged = Labels(c.GetProperty("rater2"));
            var expected = c.GetProperty("kappa");
            var categories = human.Concat(judged).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (categories.Count < 2)
            {
                // A rubric needs two verdicts; one nobody gives changes no unweighted κ.
                categories.Add("other");
            }

            var rubricId = "case-" + name.Replace('_', '-');
            var rubric = LabelledSets.LabelsRubric(dir, rubricId, categories);
            var run = await CheckAsync(dir, judge, rubricId, rubric, human.Select(h => (JsonNode)JsonValue.Create(h)).ToList(), judged, verdicts);
            var all = run.Rubric(rubricId)["all"]!;
            Assert.That(all["weighting"]!.GetValue<string>(), Is.EqualTo("unweighted"), name);
            if (expected.ValueKind == JsonValueKind.Null)
            {
                Assert.That(all["kappa"], Is.Null, name);
                Assert.That(all["kappa_undefined"]!.GetValue<string>(), Does.Contain("undefined"), name);
            }
            else
            {
                Assert.That(all["kappa"]!.GetValue<double>(), Is.EqualTo(expected.GetDouble()).Within(Tolerance), name);
            }

            if (c.TryGetProperty("kappa_quadratic", out var quadratic))
            {
                var numbers = c.GetProperty("rater1").EnumerateArray().Select(e => e.GetInt32()).ToList();
                var scaleId = rubricId + "-scale";
                var scale = LabelledSets.ScaleRubric(dir, scaleId, numbers.Min(), numbers.Max());
                var ratings = c.GetProperty("rater2").EnumerateArray().Select(e => e.GetInt32().ToString(CultureInfo.InvariantCulture)).ToList();
                var weighted = await CheckAsync(dir, judge, scaleId, scale, numbers.Select(n => (JsonNode)JsonValue.Create(n)).ToList(), ratings, verdicts);
                var scaleAll = weighted.Rubric(scaleId)["all"]!;
                Assert.That(scaleAll["weighting"]!.GetValue<string>(), Is.EqualTo("quadratic"), name);
                Assert.That(scaleAll["kappa"]!.GetValue<double>(), Is.EqualTo(quadratic.GetDouble()).Within(Tolerance), name + " (quadratic)");
                checkedQuadratic++;
            }
        }

        Assert.That(checkedQuadratic, Is.GreaterThan(0), "the reference has a weighted case");
    }

    /// <summary>Judges one rubric's items, item i labelled <paramref name="human"/>[i] and judged <paramref name="judged"/>[i].</summary>
    private static async Task<JudgeCheckRun> CheckAsync(TempDirectory dir, FakeOpenAiServer judge, string rubricId, string rubricFile, List<JsonNode> human, List<string> judged, Dictionary<string, string> verdicts)
    {
        var lines = new List<string>();
        for (var i = 0; i < human.Count; i++)
        {
            var output = $"{rubricId} answer {i.ToString(CultureInfo.InvariantCulture)}";
            verdicts[output] = judged[i];
            lines.Add(LabelledSets.Item($"{rubricId}-{i.ToString(CultureInfo.InvariantCulture)}", rubricId, "en", output, human[i].DeepClone()));
        }

        var file = LabelledSets.Write(dir, rubricId + ".jsonl", lines);
        var run = await JudgeCheckRun.RunAsync(dir, judge, file, "--rubric-file", rubricFile);
        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        return run;
    }

    private static List<string> Labels(JsonElement rater) => rater.EnumerateArray()
        .Select(e => e.ValueKind == JsonValueKind.Number ? "v" + e.GetInt32().ToString(CultureInfo.InvariantCulture) : e.GetString()!)
        .ToList();
}
