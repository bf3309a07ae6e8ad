using System.Globalization;
using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Evidence;

/// <summary>Checks a pack's run against itself: the manifest against the log, the suite files and rubrics against the hashes the log recorded, the gate verdict against its policy.</summary>
internal static class RunCheck
{
    public static (RunLog? Log, List<string> Checked) Check(string root, EvidenceManifest manifest, Dictionary<string, string> hashes, List<string> differences)
    {
        var checkedItems = new List<string>();
        var log = ReadLog(root, hashes, differences);
        if (log is null)
        {
            return (null, checkedItems);
        }

        var header = log.Header;
        if (header.RunId != manifest.RunId)
        {
            differences.Add($"{EvidenceLayout.Manifest}: run id '{manifest.RunId}', but the log's is '{header.RunId}'");
        }

        if (header.Model != manifest.Model)
        {
            differences.Add($"{EvidenceLayout.Manifest}: model '{manifest.Model.Spec}' ({manifest.Model.Label}), but the log records '{header.Model.Spec}' ({header.Model.Label})");
        }

        if (log.Footer is null)
        {
            differences.Add($"{EvidenceLayout.Log}: has no footer: the run was not sealed");
        }
        else if (log.Footer.Status != manifest.RunStatus)
        {
            differences.Add($"{EvidenceLayout.Manifest}: run status '{manifest.RunStatus}', but the log's footer says '{log.Footer.Status}'");
        }

        var cached = log.Samples.Count(s => s.Cached);
        if (cached != manifest.Cache.CachedSamples)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{EvidenceLayout.Manifest}: {manifest.Cache.CachedSamples} cached answers, but the log marks {cached}"));
        }

        var answers = log.Samples.Where(s => s.Cached).Select(ManifestCache.Name).ToList();
        if (!answers.SequenceEqual(manifest.Cache.Answers, StringComparer.Ordinal))
        {
            var first = answers.Except(manifest.Cache.Answers, StringComparer.Ordinal).Concat(manifest.Cache.Answers.Except(answers, StringComparer.Ordinal)).FirstOrDefault();
            differences.Add($"{EvidenceLayout.Manifest}: the cached answers it lists are not the ones the log marks" + (first is null ? " (their order differs)" : $" (first difference: {first})"));
        }

        var fromRuns = ManifestCache.Of(log).FromRuns ?? [];
        if (!fromRuns.SequenceEqual(manifest.Cache.FromRuns ?? [], StringComparer.Ordinal))
        {
            differences.Add($"{EvidenceLayout.Manifest}: names the earlier runs {string.Join(", ", manifest.Cache.FromRuns ?? [])} for its cached answers, but the log names {string.Join(", ", fromRuns)}");
        }

        checkedItems.Add("the manifest's run id, model, status and cached answers against the run log");
        CheckSuiteFiles(header, manifest, hashes, differences, checkedItems);
        CheckResources(header, manifest, hashes, differences, checkedItems);
        CheckGate(root, header, manifest, hashes, differences, checkedItems);
        return (log, checkedItems);
    }

    private static RunLog? ReadLog(string root, Dictionary<string, string> hashes, List<string> differences)
    {
        if (!hashes.ContainsKey(EvidenceLayout.Log))
        {
            differences.Add($"{EvidenceLayout.Log}: missing: a pack without its run log proves nothing");
            return null;
        }

        try
        {
            return RunLogReader.Read(Path.Combine(root, EvidenceLayout.Log));
        }
        catch (InvalidInputException ex)
        {
            differences.Add($"{EvidenceLayout.Log}: not a readable run log: {ex.Diagnostics[0].Message}");
            return null;
        }
    }

    private static void CheckSuiteFiles(LogHeader header, EvidenceManifest manifest, Dictionary<string, string> hashes, List<string> differences, List<string> checkedItems)
    {
        var matched = new HashSet<ManifestSuiteFile>();
        var count = 0;
        foreach (var suite in header.Suites)
        {
            foreach (var file in suite.Files)
            {
                count++;
                var packed = manifest.SuiteFiles.FirstOrDefault(f => f.Suite == suite.Name && f.RecordedPath == file.Path && !matched.Contains(f));
                if (packed is null)
                {
                    differences.Add($"suite file {file.Path} of suite '{suite.Name}': the log header names it, but the pack does not hold it");
                    continue;
                }

                matched.Add(packed);
                if (packed.Sha256 != file.Sha256)
                {
                    differences.Add($"{packed.Entry} ({file.Path}): the manifest records SHA-256 {packed.Sha256}, the log header {file.Sha256}");
                }

                if (!hashes.TryGetValue(packed.Entry, out var actual))
                {
                    differences.Add($"{packed.Entry} ({file.Path}): missing from the pack");
                }
                else if (actual != file.Sha256)
                {
                    differences.Add($"{packed.Entry} ({file.Path}): SHA-256 {actual} is not the {file.Sha256} the log header recorded when the run started: not the file the run used");
                }
            }
        }

        foreach (var extra in manifest.SuiteFiles.Where(f => !matched.Contains(f)))
        {
            differences.Add($"{extra.Entry} ({extra.RecordedPath}): listed as a suite file, but the log header names no such file of suite '{extra.Suite}'");
        }

        checkedItems.Add(string.Create(CultureInfo.InvariantCulture, $"the {count} suite files (definitions and data) against the SHA-256 the run log recorded when the run started"));
    }

    private static void CheckResources(LogHeader header, EvidenceManifest manifest, Dictionary<string, string> hashes, List<string> differences, List<string> checkedItems)
    {
        var recorded = header.Suites.SelectMany(s => s.Scorers.SelectMany(c => (c.Resources ?? []).Select(r => (Suite: s.Name, Scorer: c.Id, r.Sha256)))).ToHashSet();
        foreach (var resource in manifest.Resources)
        {
            if (!recorded.Contains((resource.Suite, resource.Scorer, resource.Sha256)))
            {
                differences.Add($"{resource.Entry ?? EvidenceLayout.Manifest}: {resource.Name} of scorer '{resource.Scorer}': the log header records no such text for that scorer");
            }
            else if (resource.Entry is { } entry && (!hashes.TryGetValue(entry, out var actual) || actual != resource.Sha256))
            {
                differences.Add($"{entry}: {resource.Name} of scorer '{resource.Scorer}' is not the text the log header recorded (SHA-256 {resource.Sha256})");
            }
        }

        if (manifest.Resources.Count > 0)
        {
            checkedItems.Add(string.Create(CultureInfo.InvariantCulture, $"the {manifest.Resources.Count(r => r.Entry is not null)} scorer texts (rubrics) against the SHA-256 in the run log"));
        }
    }

    private static void CheckGate(string root, LogHeader header, EvidenceManifest manifest, Dictionary<string, string> hashes, List<string> differences, List<string> checkedItems)
    {
        GateVerdict? verdict = null;
        if (hashes.ContainsKey(EvidenceLayout.Gate))
        {
            try
            {
                verdict = GateFile.ReadIfPresent(Path.Combine(root, EvidenceLayout.RunFolder));
            }
            catch (InvalidInputException ex)
            {
                differences.Add($"{EvidenceLayout.Gate}: not a readable gate verdict: {ex.Diagnostics[0].Message}");
                return;
            }
        }

        if (verdict is null || manifest.Gate is null)
        {
            if (verdict is not null || manifest.Gate is not null)
            {
                differences.Add($"{EvidenceLayout.Gate}: {(verdict is null ? "missing, although the manifest records a gate verdict" : "present, but the manifest records no gate verdict")}");
            }

            return;
        }

        var said = verdict.Passed ? "pass" : "fail";
        if (manifest.Gate.Verdict != said)
        {
            differences.Add($"{EvidenceLayout.Manifest}: gate verdict '{manifest.Gate.Verdict}', but {EvidenceLayout.Gate} says '{said}'");
        }

        if (verdict.RunId != header.RunId)
        {
            differences.Add($"{EvidenceLayout.Gate}: judged run '{verdict.RunId}', not this run ('{header.RunId}')");
        }

        if (manifest.Gate.PolicySha256 != verdict.PolicySha256)
        {
            differences.Add($"{EvidenceLayout.Manifest}: gate policy SHA-256 {manifest.Gate.PolicySha256}, but {EvidenceLayout.Gate} records {verdict.PolicySha256}");
        }

        if (manifest.Gate.PolicyEntry is { } entry && (!hashes.TryGetValue(entry, out var actual) || actual != verdict.PolicySha256))
        {
            differences.Add($"{entry}: is not the policy the gate used (its SHA-256 differs from {EvidenceLayout.Gate}'s {verdict.PolicySha256})");
        }

        checkedItems.Add("the gate verdict and its policy against gate.json");
    }
}
