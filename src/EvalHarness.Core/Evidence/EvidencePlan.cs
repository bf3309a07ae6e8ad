using EvalHarness.Engine;
using EvalHarness.Gating;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Evidence;

/// <summary>
/// Decides what a pack of one run holds, before anything is written: a run still being written, or a suite
/// file changed since the run, refuses the pack here with the reason.
/// </summary>
internal sealed class EvidencePlan
{
    private const string TaxonomyResource = "EvalHarness.Coverage.ai-basic-plan-risks.yaml";

    private readonly Dictionary<string, string?> _entries = new(StringComparer.OrdinalIgnoreCase);

    private EvidencePlan(RunLog log, string logSha256)
    {
        Log = log;
        LogSha256 = logSha256;
    }

    public RunLog Log { get; }

    public string LogSha256 { get; }

    public List<PackedFile> Files { get; } = [];

    public List<ManifestSuiteFile> SuiteFiles { get; } = [];

    public List<ManifestResource> Resources { get; } = [];

    public List<ManifestMissing> Missing { get; } = [];

    public ManifestGate? Gate { get; private set; }

    /// <summary>The plan for the run in <paramref name="request"/>, or null after adding to <paramref name="diagnostics"/> why it cannot be packed.</summary>
    public static EvidencePlan? Make(PackRequest request, DiagnosticBag diagnostics)
    {
        var directory = request.RunDirectory;
        var logPath = Path.Combine(directory, RunFiles.Log);
        var resultsPath = Path.Combine(directory, RunFiles.Results);
        if (!File.Exists(logPath))
        {
            diagnostics.Error(DisplayPaths.For(directory), 0, 0, null, $"not a run directory (no {RunFiles.Log} there)");
            return null;
        }

        var (log, sha) = ReadSealed(logPath, diagnostics);
        if (log is null)
        {
            return null;
        }

        if (!File.Exists(resultsPath))
        {
            diagnostics.Error(DisplayPaths.For(directory), 0, 0, null, $"has no {RunFiles.Results}; rebuild it with 'evalh report {DisplayPaths.For(directory)}' and pack again");
            return null;
        }

        var plan = new EvidencePlan(log, sha);
        plan.Add(new PackedFile(EvidenceLayout.Log, logPath, null, sha, "the run log"));
        plan.Add(new PackedFile(EvidenceLayout.Results, resultsPath, null, null, "the results"));
        foreach (var name in EvidenceLayout.RunOutputs.Where(n => File.Exists(Path.Combine(directory, n)) || request.Rendered.ContainsKey(n)))
        {
            plan.Add(request.Rendered.TryGetValue(name, out var rendered)
                ? new PackedFile(EvidenceLayout.RunFolder + name, null, rendered, null, name + " (rendered for the pack)")
                : new PackedFile(EvidenceLayout.RunFolder + name, Path.Combine(directory, name), null, null, name));
        }

        plan.AddSuiteFiles(diagnostics);
        plan.AddResources(request.Resources);
        plan.AddGate(directory, diagnostics);
        var taxonomy = ReadResource(TaxonomyResource);
        plan.Add(new PackedFile(EvidenceLayout.Taxonomy, null, taxonomy, null, "the coverage map"));
        return diagnostics.HasErrors ? null : plan;
    }

    private static (RunLog? Log, string Sha) ReadSealed(string logPath, DiagnosticBag diagnostics)
    {
        var display = DisplayPaths.For(logPath);
        try
        {
            var sha = Hashing.Sha256File(logPath);
            var log = RunLogReader.Read(logPath);
            if (log.TornTail || Hashing.Sha256File(logPath) != sha)
            {
                diagnostics.Error(display, 0, 0, null, "is still being written (it changed while it was read, or ends in a partial line); pack the run once it has ended");
                return (null, sha);
            }

            if (log.Footer is null)
            {
                diagnostics.Error(display, 0, 0, null, "has no footer: the run is still going, or it was killed before it ended; let it finish, or finish it with 'evalh run --resume', then pack it");
                return (null, sha);
            }

            return (log, sha);
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 0, 0, null, "cannot be read: " + ex.Message);
        }

        return (null, string.Empty);
    }

    private void AddSuiteFiles(DiagnosticBag diagnostics)
    {
        var suites = Log.Header.Suites;
        for (var i = 0; i < suites.Count; i++)
        {
            foreach (var file in suites[i].Files)
            {
                // Recorded paths are relative to the directory the run was started in.
                var path = Path.GetFullPath(file.Path);
                if (!File.Exists(path))
                {
                    diagnostics.Error(file.Path, 0, 0, null, $"suite file of '{suites[i].Name}' not found (recorded paths are relative to the directory the run was started in: pack from there)");
                    continue;
                }

                var now = Hashing.Sha256File(path);
                if (now != file.Sha256)
                {
                    diagnostics.Error(file.Path, 0, 0, null, $"changed since the run (the log records SHA-256 {file.Sha256}, the file now has {now}); a pack must hold the files the run used");
                    continue;
                }

                var entry = Unique($"{EvidenceLayout.SuiteFilesFolder}{i}/", EvidenceLayout.Segment(Path.GetFileName(path)), file.Sha256, out var isNew);
                SuiteFiles.Add(new ManifestSuiteFile(suites[i].Name, file.Path, entry, file.Sha256));
                if (isNew)
                {
                    Add(new PackedFile(entry, path, null, file.Sha256, $"suite file {file.Path}"));
                }
            }
        }
    }

    private void AddResources(Func<Scoring.ScorerResource, EvidenceResourceText?> resolve)
    {
        foreach (var suite in Log.Header.Suites)
        {
            foreach (var scorer in suite.Scorers)
            {
                foreach (var resource in scorer.Resources ?? [])
                {
                    var text = resolve(resource);
                    if (text is null || Hashing.Sha256(text.Bytes) != resource.Sha256)
                    {
                        Resources.Add(new ManifestResource(suite.Name, scorer.Id, resource.Name, resource.Source, resource.Sha256, null));
                        Missing.Add(new ManifestMissing($"{resource.Name} of scorer '{scorer.Id}' in suite '{suite.Name}'",
                            $"no text with the recorded SHA-256 was found ({(resource.Source == "built-in" ? "this harness's built-in copy differs" : resource.Source + " is missing or changed")})"));
                        continue;
                    }

                    var entry = Unique($"{EvidenceLayout.RubricsFolder}{EvidenceLayout.Segment(scorer.Id)}/", EvidenceLayout.Segment(text.FileName), resource.Sha256, out var isNew);
                    Resources.Add(new ManifestResource(suite.Name, scorer.Id, resource.Name, resource.Source, resource.Sha256, entry));
                    if (isNew)
                    {
                        Add(new PackedFile(entry, null, text.Bytes, resource.Sha256, resource.Name));
                    }
                }
            }
        }
    }

    private void AddGate(string directory, DiagnosticBag diagnostics)
    {
        GateVerdict? verdict;
        try
        {
            verdict = GateFile.ReadIfPresent(directory);
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return;
        }

        if (verdict is null)
        {
            return;
        }

        var policy = Path.GetFullPath(verdict.Policy);
        var present = File.Exists(policy) && Hashing.Sha256File(policy) == verdict.PolicySha256;
        Gate = new ManifestGate(verdict.Passed ? "pass" : "fail", verdict.PolicySha256, present ? EvidenceLayout.GatePolicy : null);
        if (present)
        {
            Add(new PackedFile(EvidenceLayout.GatePolicy, policy, null, verdict.PolicySha256, "the gate policy"));
        }
        else
        {
            Missing.Add(new ManifestMissing(EvidenceLayout.GatePolicy, $"the policy {verdict.Policy} the gate used is missing or has changed since (gate.json records its SHA-256)"));
        }
    }

    // One entry per distinct text: the same file named twice (two suites, one rubric) is packed once.
    private string Unique(string folder, string name, string sha256, out bool isNew)
    {
        for (var n = 1; ; n++)
        {
            var entry = folder + (n == 1 ? name : $"{n}-{name}");
            if (!_entries.TryGetValue(entry, out var existing))
            {
                _entries[entry] = sha256;
                isNew = true;
                return entry;
            }

            if (existing == sha256)
            {
                isNew = false;
                return entry;
            }
        }
    }

    private void Add(PackedFile file)
    {
        _entries.TryAdd(file.Entry, file.ExpectedSha256);
        Files.Add(file);
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(EvidencePlan).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
