using System.Text;
using System.Text.Json;
using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Logs;

/// <summary>
/// A large run's records stay in log.jsonl and are read back as results and reports go (issue 21): every figure and
/// every report must be exactly what the same log gives when held in memory.
/// </summary>
[TestFixture]
public sealed class LoggedSamplesTests
{
    [Test]
    public async Task Results_and_every_report_of_a_log_left_on_disk_equal_those_of_the_log_held_in_memory()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        var made = await CliRun.InvokeAsync(["run", RepoPaths.Suites, "--model", "demo", "--out", run]);
        Assert.That(made.ExitCode, Is.EqualTo(ExitCodes.Ok), made.All);
        var path = Path.Combine(run, RunFiles.Log);

        var inMemory = RunLogReader.Read(path, inMemory: true);
        var onDisk = RunLogReader.Read(path, inMemory: false);
        Assert.That(onDisk.Samples, Is.InstanceOf<LoggedSamples>(), "the records were left on disk");
        Assert.That(inMemory.Samples, Is.Not.InstanceOf<LoggedSamples>());
        Assert.That(onDisk.Samples, Has.Count.EqualTo(inMemory.Samples.Count));
        Assert.That(onDisk.ValidLength, Is.EqualTo(inMemory.ValidLength));

        var expected = new ResultsBuilder(Composition.Catalog).Build(inMemory);
        var actual = new ResultsBuilder(Composition.Catalog).Build(onDisk);
        Assert.That(Json(actual), Is.EqualTo(Json(expected)));
        Assert.That(expected.Counts.Samples, Is.GreaterThan(100), "a run with every bundled suite");

        foreach (var show in new[] { false, true })
        {
            var a = Directory.CreateDirectory(dir.Combine($"memory-{show}")).FullName;
            var b = Directory.CreateDirectory(dir.Combine($"disk-{show}")).FullName;
            Assert.That(Composition.Reporters().WriteAll(new ReportInput(inMemory, expected) { ShowPersonalData = show }, a), Is.Empty);
            Assert.That(Composition.Reporters().WriteAll(new ReportInput(onDisk, actual) { ShowPersonalData = show }, b), Is.Empty);
            foreach (var reporter in Composition.Reporters().Reporters)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(b, reporter.FileName)), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, reporter.FileName))),
                    $"{reporter.FileName} (personal data shown: {show})");
            }
        }

        // The run wrote samples.csv from its log while it derived the results; it must be what the reporters write later.
        Assert.That(File.ReadAllBytes(Path.Combine(run, "samples.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(dir.Combine("memory-False"), "samples.csv"))));
    }

    [Test]
    public async Task A_run_whose_records_outgrow_memory_reads_them_back_and_gets_the_same_results()
    {
        using var dir = new TempDirectory();
        var suite = Runs.Load(Path.Combine(RepoPaths.Suites, "privacy", "suite.yaml"));

        async Task<RunOutcome> RunAsync(string output, long budget)
        {
            await using var model = TestModels.Create("demo", new Models.ModelSettings { Environment = _ => null }, [suite]);
            return await new EvalRunner(Composition.Catalog).RunAsync(model, [suite], new RunOptions { OutputDirectory = dir.Combine(output), LogBytesInMemory = budget }, NullRunObserver.Instance, RunSignals.None);
        }

        var held = await RunAsync("held", Defaults.LogBytesInMemory);
        var spilled = await RunAsync("spilled", 0);

        Assert.That(held.Log.Samples, Is.Not.InstanceOf<LoggedSamples>(), "a small run keeps its records");
        Assert.That(spilled.Log.Samples, Is.InstanceOf<LoggedSamples>(), "nothing was kept beyond a budget of 0 bytes");
        Assert.That(spilled.Log.Samples.Select(r => r.Id).Order(StringComparer.Ordinal), Is.EqualTo(held.Log.Samples.Select(r => r.Id).Order(StringComparer.Ordinal)));
        Assert.That(Json(spilled.Results.Suites), Is.EqualTo(Json(held.Results.Suites)));
        Assert.That(Json(spilled.Results.Overview), Is.EqualTo(Json(held.Results.Overview)));

        // The records read back are the lines on disk, in file order.
        var reread = RunLogReader.Read(Path.Combine(dir.Combine("spilled"), RunFiles.Log), inMemory: true);
        Assert.That(spilled.Log.Samples.Select(r => (r.Id, r.Output)), Is.EqualTo(reread.Samples.Select(r => (r.Id, r.Output))));
    }

    [Test]
    public void A_damaged_record_in_a_log_left_on_disk_is_reported_with_its_line_before_anything_reads_it()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, 5);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3][..^10];
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<InvalidInputException>(() => RunLogReader.Read(path, inMemory: false))!;

        Assert.That(error.Diagnostics.Single().Line, Is.EqualTo(4));
        Assert.That(error.Diagnostics.Single().Message, Does.StartWith("damaged record"));
    }

    [Test]
    public void A_torn_last_record_of_a_log_left_on_disk_is_dropped_as_in_memory()
    {
        using var dir = new TempDirectory();
        var path = Write(dir, 4);
        var complete = File.ReadAllText(path);
        File.AppendAllText(path, complete.Split('\n')[1][..40]);
        File.AppendAllText(path, "\n");

        var inMemory = RunLogReader.Read(path, inMemory: true);
        var onDisk = RunLogReader.Read(path, inMemory: false);

        Assert.That(onDisk.TornTail, Is.True);
        Assert.That(onDisk.ValidLength, Is.EqualTo(inMemory.ValidLength).And.EqualTo(Encoding.UTF8.GetByteCount(complete)));
        Assert.That(onDisk.Samples.Select(r => r.Id), Is.EqualTo(inMemory.Samples.Select(r => r.Id)).And.EqualTo(new[] { "a0", "a1", "a2", "a3" }));
    }

    [Test]
    public void The_writer_says_where_each_line_is_and_the_reader_finds_the_records_there()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        var lines = new List<LogLine>();
        var ids = new Dictionary<long, string>();
        using (var writer = RunLogWriter.Create(path))
        {
            writer.Write(Header(Suite("s", 3)));
            // Threads that find a batch being written leave their record to the writing thread: each line
            // must still land where Write said, whole, whichever thread wrote it.
            Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            {
                var line = writer.Write(Record($"r{i:D3}", 1, i % 2) with { Output = new string('x', i) + "日本語" });
                lock (lines)
                {
                    lines.Add(line);
                    ids.Add(line.Offset, $"r{i:D3}");
                }
            });
        }

        var bytes = File.ReadAllBytes(path);
        Assert.That(lines.Sum(l => (long)l.Length) + lines.Min(l => l.Offset), Is.EqualTo(bytes.LongLength), "the lines tile the file after the header");
        foreach (var line in lines)
        {
            Assert.That(bytes[line.Offset], Is.EqualTo((byte)'{'));
            Assert.That(bytes[line.Offset + line.Length - 1], Is.EqualTo((byte)'\n'));
            using var record = JsonDocument.Parse(bytes.AsMemory((int)line.Offset, line.Length));
            Assert.That(record.RootElement.GetProperty("id").GetString(), Is.EqualTo(ids[line.Offset]), "the record written is the one at the offset Write returned");
        }

        var onDisk = RunLogReader.Read(path, inMemory: false);
        Assert.That(onDisk.Samples.Select(r => r.Id).Order(StringComparer.Ordinal), Is.EqualTo(Enumerable.Range(0, 300).Select(i => $"r{i:D3}")));
        Assert.That(onDisk.Samples[17].Id, Is.EqualTo(onDisk.Samples.ElementAt(17).Id), "the indexer reads the same record as enumeration");
    }

    private static string Write(TempDirectory dir, int samples)
    {
        var path = dir.Combine("log.jsonl");
        using var writer = RunLogWriter.Create(path);
        writer.Write(Header(Suite("s", samples)));
        for (var i = 0; i < samples; i++)
        {
            writer.Write(Record($"a{i}", 1, 1));
        }

        return path;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EvalJson.Indented.GetTypeInfo(typeof(T)));
}
