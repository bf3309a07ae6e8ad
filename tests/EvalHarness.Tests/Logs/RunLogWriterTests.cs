using EvalHarness.Logs;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Logs;

/// <summary>
/// The run log lets the answers of a few milliseconds share one write (issue 21), but a record must still reach the
/// file while the run goes on, for a resume after <c>kill -9</c> and for anyone following the log, and nothing may
/// be left out when the writer closes.
/// </summary>
[TestFixture]
public sealed class RunLogWriterTests
{
    [Test]
    public async Task A_record_reaches_the_file_while_the_writer_is_still_open()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        using var writer = RunLogWriter.Create(path);
        writer.Write(Header(Suite()));
        var line = writer.Write(Record("a", 1, 1));

        // Far longer than the linger, so that only a record held back indefinitely fails.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Length(path) < line.Offset + line.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.That(Length(path), Is.EqualTo(line.Offset + line.Length), "the header and the record are in the file before the writer closes");
        Assert.That(File.ReadAllText(path), Does.EndWith("\n").And.Contain("\"id\":\"a\""));
    }

    [Test]
    public void Closing_writes_every_pending_record_and_a_later_one_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("log.jsonl");
        var writer = RunLogWriter.Create(path);
        writer.Write(Header(Suite()));
        LogLine last = default;
        // Several full batches and a remainder, written faster than the linger.
        for (var i = 0; i < 400; i++)
        {
            last = writer.Write(Record($"r{i:D3}", 1, 1) with { Output = new string('x', 500) });
        }

        writer.Dispose();

        Assert.That(Length(path), Is.EqualTo(last.Offset + last.Length));
        Assert.That(RunLogReader.Read(path).Samples.Select(s => s.Id), Is.EqualTo(Enumerable.Range(0, 400).Select(i => $"r{i:D3}")));
        Assert.Throws<ObjectDisposedException>(() => writer.Write(Record("late", 1, 1)));
        Assert.That(Length(path), Is.EqualTo(last.Offset + last.Length), "nothing written after closing");
    }

    private static long Length(string path) => new FileInfo(path).Length;
}
