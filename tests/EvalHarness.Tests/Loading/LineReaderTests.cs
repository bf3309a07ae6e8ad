using System.Text;
using EvalHarness.Loading;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading;

/// <summary>
/// Datasets are read line by line from the file instead of from one string of the whole file. Line numbers in
/// messages, line breaks, byte order marks, the size of an oversized line and the line of a byte that is not UTF-8
/// must be exactly what reading the whole file gave.
/// </summary>
[TestFixture]
public sealed class LineReaderTests
{
    /// <summary>How lines were split when the whole file was one string: \n, \r or \r\n ends a line; a final break adds none.</summary>
    private static List<string> WholeTextLines(string text)
    {
        var lines = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            var rest = text.AsSpan(position);
            var end = rest.IndexOfAny('\r', '\n');
            lines.Add((end < 0 ? rest : rest[..end]).ToString());
            position += end < 0 ? rest.Length : end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
        }

        return lines;
    }

    private static List<(string Line, long? OverflowBytes)> ReadAll(string text, long keepChars, bool trickle = false)
    {
        var reader = new LineReader(trickle ? new TricklingReader(text) : new StringReader(text), keepChars);
        var lines = new List<(string, long?)>();
        while (reader.MoveNext())
        {
            Assert.That(reader.Number, Is.EqualTo(lines.Count + 1));
            lines.Add((reader.Line.ToString(), reader.OverflowBytes));
        }

        return lines;
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Lines_read_in_chunks_are_the_lines_of_the_whole_text_and_a_line_too_long_to_keep_is_measured_exactly(int seed)
    {
        // Longer than several of the reader's chunks, so breaks, \r\n pairs and surrogate pairs fall on chunk edges.
        var random = new Random(seed);
        string[] pieces = ["a", "b", "\n", "\r", "\r\n", "é", "語", "😀", " ", "\n\n"];
        var text = new StringBuilder();
        while (text.Length < 200_000)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
            if (random.Next(500) == 0)
            {
                text.Append(new string('x', random.Next(40_000, 70_000))).Append("😀");
            }
        }

        foreach (var keep in new long[] { long.MaxValue, 5, 1000, 50_000 })
        {
            var expected = WholeTextLines(text.ToString()).Select(l => l.Length > keep ? (string.Empty, (long?)Encoding.UTF8.GetByteCount(l)) : (l, null)).ToList();
            Assert.That(ReadAll(text.ToString(), keep), Is.EqualTo(expected), $"keep {keep}");
            Assert.That(ReadAll(text.ToString(), keep, trickle: true), Is.EqualTo(expected), $"keep {keep}, a few characters per read");
        }
    }

    [TestCase("", 0)]
    [TestCase("a", 1)]
    [TestCase("a\n", 1)]
    [TestCase("a\r\n\r\n", 2)]
    [TestCase("\r", 1)]
    [TestCase("a\r\rb", 3)]
    public void The_count_of_lines_matches_the_whole_text(string text, int lines)
    {
        Assert.That(ReadAll(text, long.MaxValue), Has.Count.EqualTo(lines));
        Assert.That(ReadAll(text, long.MaxValue, trickle: true), Has.Count.EqualTo(lines));
        Assert.That(WholeTextLines(text), Has.Count.EqualTo(lines));
    }

    [Test]
    public void A_utf8_file_opened_as_a_reader_has_the_text_and_the_messages_of_reading_it_whole()
    {
        using var dir = new TempDirectory();
        // A three-byte character across the 64 KiB chunk edge of the UTF-8 check, then a bad byte two chunks later.
        var head = new string('a', (1 << 16) - 1) + "語\n" + string.Concat(Enumerable.Repeat("line\n", 30_000));
        var good = dir.Combine("good.jsonl");
        File.WriteAllBytes(good, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(head)]);
        var bad = dir.Combine("bad.jsonl");
        File.WriteAllBytes(bad, [.. Encoding.UTF8.GetBytes(head), 0x61, 0xC3, 0x28, 0x0A, 0x61]);

        using (var reader = TextFiles.OpenReader(good, "good", "utf-8", new DiagnosticBag()))
        {
            Assert.That(reader!.ReadToEnd(), Is.EqualTo(TextFiles.Read(good, "good", "utf-8", new DiagnosticBag())), "one byte order mark is dropped, as before");
        }

        var whole = new DiagnosticBag();
        var streamed = new DiagnosticBag();
        Assert.That(TextFiles.Read(bad, "bad", "utf-8", whole), Is.Null);
        Assert.That(TextFiles.OpenReader(bad, "bad", "utf-8", streamed), Is.Null);
        Assert.That(streamed.Items.Select(d => d.ToString()), Is.EqualTo(whole.Items.Select(d => d.ToString())));
        Assert.That(streamed.Items.Single().Line, Is.EqualTo(30_002));
        Assert.That(streamed.Items.Single().Message, Does.StartWith("is not valid UTF-8"));
    }

    [Test]
    public void A_missing_file_or_a_directory_gets_the_same_message_either_way()
    {
        using var dir = new TempDirectory();
        foreach (var path in new[] { dir.Combine("nowhere.jsonl"), dir.Combine("no", "such", "dir.jsonl"), dir.Path })
        {
            var whole = new DiagnosticBag();
            var streamed = new DiagnosticBag();
            TextFiles.Read(path, "p", "utf-8", whole, "dataset.path");
            TextFiles.OpenReader(path, "p", "utf-8", streamed, "dataset.path");
            Assert.That(whole.Items, Has.Count.EqualTo(1));
            Assert.That(streamed.Items.Select(d => d.ToString()), Is.EqualTo(whole.Items.Select(d => d.ToString())));
        }
    }

    /// <summary>Gives one to seven characters per read, so every line break and surrogate pair falls on a read's edge somewhere.</summary>
    private sealed class TricklingReader(string text) : TextReader
    {
        private readonly Random _random = new(7);
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, _random.Next(1, 8)), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
