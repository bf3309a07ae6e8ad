using EvalHarness.Loading;
using EvalHarness.Logs;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// The scorers of a packed run, rebuilt one by one from the log header as <c>evalh score</c> rebuilds them
/// (<see cref="ScorerListLoader.Rebuild"/>), with the texts they depend on checked against the header's hashes.
/// A judge is rebuilt only to hash its rubrics: its verdicts are taken from the log, never asked for again.
/// </summary>
internal sealed class RescoreCheckScorers
{
    private const string BuiltIn = "built-in";

    /// <summary>Deterministic scorers to compute again, by suite name, in header order.</summary>
    public Dictionary<string, IReadOnlyList<ScorerConfig>> Deterministic { get; } = new(StringComparer.Ordinal);

    /// <summary>Scorers whose recorded scores stand as recorded (judges, and scorers that could not be rebuilt here), by suite and id.</summary>
    public HashSet<(string Suite, string Scorer)> FromLog { get; } = [];

    public int Judges { get; private set; }

    public int ResourcesChecked { get; private set; }

    public static RescoreCheckScorers Build(
        RunLog log,
        string logPath,
        IReadOnlyDictionary<string, string> suiteFiles,
        IReadOnlyDictionary<string, string> resourceFiles,
        RescoreStaging staging,
        List<RescoreFinding> differences,
        List<RescoreFinding> notChecked)
    {
        var result = new RescoreCheckScorers();
        var loader = new ScorerListLoader(Composition.Catalog);
        var options = new LoadOptions { Root = staging.Root, AllowedPaths = [staging.Root] };
        for (var i = 0; i < log.Header.Suites.Count; i++)
        {
            var suite = log.Header.Suites[i];
            var suitePath = StageSuite(suite, suiteFiles, staging);
            var deterministic = new List<ScorerConfig>();
            foreach (var recorded in suite.Scorers)
            {
                var subject = $"suite {suite.Name}, scorer {recorded.Id}";
                var unstaged = StageResources(recorded, resourceFiles, staging);
                var diagnostics = new DiagnosticBag();
                var rebuilt = loader.Rebuild(suite with { Path = suitePath, Scorers = [recorded] }, i, logPath, diagnostics, options);
                var judge = recorded.Roles?.Contains(ModelRole.Judge, StringComparer.Ordinal) == true;
                if (rebuilt is not [var config])
                {
                    result.FromLog.Add((suite.Name, recorded.Id));
                    result.Judges += judge ? 1 : 0;
                    var why = string.Join("; ", diagnostics.Items.Where(d => d.IsError).Select(d => d.Message));
                    if (unstaged.Count == 0)
                    {
                        differences.Add(new(RescoreFinding.Input, subject, $"cannot be rebuilt from the log header's name and options: {why}"));
                        continue;
                    }

                    foreach (var resource in unstaged)
                    {
                        notChecked.Add(new(RescoreFinding.NotChecked, subject, $"user {resource.Name} ({resource.Source}): not checked (not in the pack)"));
                    }

                    if (!judge)
                    {
                        notChecked.Add(new(RescoreFinding.NotChecked, subject, $"not re-scored: it reads a file that is not in the pack ({why}); its recorded scores are used"));
                    }

                    continue;
                }

                result.CheckResources(subject, recorded, config, differences);
                var calls = config.Scorer.Roles;
                if (!calls.SequenceEqual(recorded.Roles ?? [], StringComparer.Ordinal))
                {
                    differences.Add(new(RescoreFinding.Input, subject, $"calls the roles [{string.Join(", ", calls)}], but the log header records [{string.Join(", ", recorded.Roles ?? [])}]"));
                }

                if (judge || calls.Count > 0)
                {
                    result.FromLog.Add((suite.Name, recorded.Id));
                    result.Judges++;
                }
                else
                {
                    deterministic.Add(config);
                }
            }

            result.Deterministic[suite.Name] = deterministic;
        }

        return result;
    }

    /// <summary>The suite file where the scorers look for the files they name: the extracted copy at its recorded place.</summary>
    private static string StageSuite(SuiteHeader suite, IReadOnlyDictionary<string, string> suiteFiles, RescoreStaging staging)
    {
        var staged = (suiteFiles.TryGetValue(suite.Path, out var extracted) ? staging.Stage(suite.Path, extracted) : null)
            ?? staging.Place(suite.Path)
            ?? Path.Combine(staging.Root, "suite.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        return staged;
    }

    /// <summary>Puts the scorer's user files (rubrics, lexicons) the pack holds in place; returns those it does not hold.</summary>
    private static List<ScorerResource> StageResources(ScorerHeader recorded, IReadOnlyDictionary<string, string> resourceFiles, RescoreStaging staging)
    {
        var missing = new List<ScorerResource>();
        foreach (var resource in recorded.Resources ?? [])
        {
            if (resource.Source == BuiltIn)
            {
                continue;
            }

            if (!resourceFiles.TryGetValue(resource.Source, out var extracted) || staging.Stage(resource.Source, extracted) is null)
            {
                missing.Add(resource);
            }
        }

        return missing;
    }

    private void CheckResources(string subject, ScorerHeader recorded, ScorerConfig config, List<RescoreFinding> differences)
    {
        var now = config.Scorer.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var resource in recorded.Resources ?? [])
        {
            ResourcesChecked++;
            var what = resource.Source == BuiltIn ? $"built-in {resource.Name}" : $"{resource.Name} ({resource.Source})";
            if (!now.Remove(resource.Name, out var current))
            {
                differences.Add(new(RescoreFinding.Resource, subject, $"{what} is recorded in the log header, but the scorer rebuilt from its options does not use it"));
            }
            else if (!string.Equals(current.Sha256, resource.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                differences.Add(new(RescoreFinding.Resource, subject, $"{what}: SHA-256 {current.Sha256} differs from the log header's {resource.Sha256}"));
            }
        }

        foreach (var extra in now.Values)
        {
            differences.Add(new(RescoreFinding.Resource, subject, $"{extra.Name} ({extra.Source}) is used by the scorer rebuilt from the log header, but not recorded in it"));
        }
    }
}
