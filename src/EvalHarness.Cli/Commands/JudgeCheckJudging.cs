using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Judges.Calibration;
using EvalHarness.Logs;
using EvalHarness.Models;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Puts labelled items in the shape a recorded run has, so the engine's re-scorer judges them exactly as
/// <c>evalh score</c> judges a run: the catalogue's <c>judge</c> scorer, one per rubric and language, and judge
/// models wrapped in the same retries, timeouts, cache and concurrency limit of their own.
/// </summary>
internal static class JudgeCheckJudging
{
    public const string ScorerId = "judge";

    /// <summary>The stand-in suite of one rubric in one language (the judge scorer's options are per suite).</summary>
    public static string Suite(LabelledItem item) => $"{item.Rubric}/{item.Language}";

    /// <summary>The judge scorer of each stand-in suite, created through the catalogue; null when creating one reported a problem.</summary>
    public static Dictionary<string, IReadOnlyList<ScorerConfig>>? Scorers(IReadOnlyList<LabelledItem> items, CalibrationRubrics rubrics, IModelRoles roles, TimeProvider time, DiagnosticBag diagnostics)
    {
        if (!Composition.Catalog.Scorers.TryGet(ScorerId, out var factory))
        {
            throw new InvalidOperationException("the judges pack is not registered: no 'judge' scorer");
        }

        var errors = diagnostics.ErrorCount;
        var scorers = new Dictionary<string, IReadOnlyList<ScorerConfig>>(StringComparer.Ordinal);
        foreach (var item in items.DistinctBy(Suite))
        {
            rubrics.TryGet(item.Rubric, out var rubric);
            var options = new JsonObject { ["rubric"] = rubric!.ScorerOption(item.Language), ["language"] = item.Language };
            var section = new ConfigSection(new ConfigDocument("command line", options), options, string.Empty, diagnostics);
            var scorer = factory.Create(new ScorerContext { Options = section, Tokenizers = Composition.Catalog.Tokenizers, Roles = roles, Time = time });
            section.ReportUnknownKeys();
            scorers[Suite(item)] = [new ScorerConfig(ScorerId, factory.Name, (JsonObject)options.DeepClone(), scorer.DefaultMetrics ?? factory.DefaultMetrics, scorer, scorer.Meaning ?? factory.Meaning)];
        }

        return diagnostics.ErrorCount > errors ? null : scorers;
    }

    /// <summary>The items as a run that recorded them as answers: one sample each, with nothing scored yet.</summary>
    public static RunLog Log(IReadOnlyList<LabelledItem> items, int seed, DateTimeOffset now)
    {
        var suites = items.GroupBy(Suite, StringComparer.Ordinal).Select(g => new SuiteHeader
        {
            Name = g.Key,
            Language = g.First().Language,
            Path = g.First().File,
            Files = [],
            Samples = g.Count(),
            Epochs = EpochSettings.Default,
            Generate = GenerationSettings.Empty,
            Solver = [],
            Scorers = [],
            GroupBy = [],
        }).ToList();
        return new RunLog
        {
            Header = new LogHeader
            {
                RunId = "judge-check",
                Harness = HarnessInfo.Current,
                Started = now,
                Model = new ModelInfo("labelled", "labelled", null, null, false, "human-labelled answers"),
                Suites = suites,
                Seed = seed,
                Settings = new RunSettings(),
            },
            Samples = items.Select(item => new SampleRecord
            {
                Suite = Suite(item),
                Id = item.Id,
                Epoch = 1,
                Input = [new PromptMessage(MessageRoles.User, item.Input)],
                Output = item.Output,
                Targets = item.Targets,
                Metadata = Metadata(item),
                Started = now,
                Completed = now,
            }).ToList(),
        };
    }

    /// <summary>The judge's verdict on each item, in the items' order, with the judge's calls (<c>metadata.judge</c>) for the audit file.</summary>
    public static List<(ItemOutcome Outcome, JsonObject? Judge)> Outcomes(IReadOnlyList<LabelledItem> items, RunLog judged, CalibrationRubrics rubrics)
    {
        var scores = judged.Samples.ToDictionary(s => (s.Suite, s.Id), s => s.Scores?.GetValueOrDefault(ScorerId));
        return items.Select(item =>
        {
            rubrics.TryGet(item.Rubric, out var rubric);
            var score = scores.GetValueOrDefault((Suite(item), item.Id));
            var judge = score?.Metadata?["judge"]?.DeepClone() as JsonObject;
            if (score is null)
            {
                return (new ItemOutcome(item, null, "judge error: the item was not judged"), judge);
            }

            if (rubric!.VerdictOf(score) is { } label)
            {
                return (new ItemOutcome(item, label, null), judge);
            }

            var error = score.Error ?? $"judge error: the panel's combined verdict ({score.Answer}) is not one of the rubric's verdicts ({rubric.Describe()}); vote by majority or all to compare a panel with labels";
            return (new ItemOutcome(item, null, error), judge);
        }).ToList();
    }

    private static Dictionary<string, string> Metadata(LabelledItem item)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKeys.Language] = item.Language };
        if (item.Requirement is not null)
        {
            metadata["requirement"] = item.Requirement;
        }

        if (item.Context is not null)
        {
            metadata["context"] = item.Context;
        }

        return metadata;
    }
}
