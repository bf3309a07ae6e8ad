using System.Text.Json.Nodes;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence.Rescoring;

/// <summary>
/// A run as a pack holds it once extracted: the run directory (log.jsonl, results.json) and each suite file the
/// log header names, copied elsewhere, with the map from the header's path to the copy.
/// </summary>
internal sealed class PackedRun
{
    private PackedRun(string runDirectory, Dictionary<string, string> suiteFiles)
    {
        RunDirectory = runDirectory;
        SuiteFiles = suiteFiles;
    }

    public string RunDirectory { get; }

    public Dictionary<string, string> SuiteFiles { get; }

    public string LogPath => Path.Combine(RunDirectory, RunFiles.Log);

    public string ResultsPath => Path.Combine(RunDirectory, RunFiles.Results);

    /// <summary>Copies <paramref name="run"/> and the suite files its header names into <paramref name="dir"/>.</summary>
    public static PackedRun Extract(string run, TempDirectory dir)
    {
        var runDirectory = dir.Combine("pack", "run");
        Directory.CreateDirectory(runDirectory);
        foreach (var name in new[] { RunFiles.Log, RunFiles.Results })
        {
            File.Copy(Path.Combine(run, name), Path.Combine(runDirectory, name));
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var header = RunLogReader.Read(Path.Combine(run, RunFiles.Log)).Header;
        foreach (var file in header.Suites.SelectMany(s => s.Files))
        {
            var copy = dir.Combine("pack", "suites", map.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(file.Path));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(Path.GetFullPath(file.Path), copy);
            map[file.Path] = copy;
        }

        return new PackedRun(runDirectory, map);
    }

    /// <summary>Rewrites the log: <paramref name="edit"/> sees each record (header, samples, footer) and returns true once it changed one.</summary>
    public void EditLog(Func<JsonObject, bool> edit)
    {
        var lines = File.ReadAllLines(LogPath);
        var changed = false;
        for (var i = 0; i < lines.Length && !changed; i++)
        {
            var record = JsonNode.Parse(lines[i])!.AsObject();
            if (edit(record))
            {
                lines[i] = record.ToJsonString();
                changed = true;
            }
        }

        Assert.That(changed, Is.True, "no record of the log was edited");
        File.WriteAllText(LogPath, string.Join('\n', lines) + "\n");
    }

    /// <summary>Rewrites results.json through <paramref name="edit"/>.</summary>
    public void EditResults(Action<JsonObject> edit)
    {
        var results = JsonNode.Parse(File.ReadAllText(ResultsPath))!.AsObject();
        edit(results);
        File.WriteAllText(ResultsPath, results.ToJsonString());
    }
}
