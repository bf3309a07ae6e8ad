using System.Collections.Concurrent;
using System.Text.Json;
using EvalHarness.Japanese.MeCab;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.MeCab;

/// <summary>
/// One MeCab tagger may not be used by two threads at once; the binding gives every thread its own over a
/// shared model. Many threads must therefore get exactly what one thread gets, token for token and feature
/// for feature. The sentences are every Japanese text of the reference vectors (read in place) glued into a
/// few thousand distinct inputs.
/// </summary>
[TestFixture]
public sealed class MeCabConcurrencyTests
{
    private const int Workers = 8;
    private const int Sentences = 3000;

    private static List<string> Corpus()
    {
        var texts = new List<string>();
        foreach (var (file, fields) in new[] { ("bleu_chrf.json", new[] { "hypothesis", "reference" }), ("char_f1.json", new[] { "prediction_raw", "reference" }) })
        {
            using var doc = ReferenceVectors.Load(file);
            foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                texts.AddRange(fields.Select(f => c.GetProperty(f).GetString()!));
            }
        }

        var distinct = texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Assert.That(distinct, Has.Count.GreaterThan(50));

        // Sentence i is two texts joined, so that inputs differ in length (some beyond the stack buffer).
        return Enumerable.Range(0, Sentences)
            .Select(i => distinct[i % distinct.Count] + (i % 3 == 0 ? "\n" : string.Empty) + string.Concat(Enumerable.Repeat(distinct[(i * 7) % distinct.Count], 1 + (i % 5))))
            .ToList();
    }

    private static string Fingerprint(List<MeCabToken> tokens) =>
        string.Join('\u001F', tokens.Select(t => $"{t.Surface}\u001E{t.Features}\u001E{t.IsUnknown}"));

    [Test]
    public void Parallel_tokenize_equals_a_single_threaded_pass()
    {
        var sentences = Corpus();
        using var tagger = new MeCabTagger(MeCabTagger.DictionaryDirectory());
        var expected = sentences.Select(s => Fingerprint(tagger.Tokenize(s))).ToArray();

        var actual = new string[sentences.Count];
        var threads = new ConcurrentDictionary<int, bool>();
        Parallel.For(0, sentences.Count, new ParallelOptions { MaxDegreeOfParallelism = Workers }, i =>
        {
            threads[Environment.CurrentManagedThreadId] = true;
            actual[i] = Fingerprint(tagger.Tokenize(sentences[i]));
        });

        var mismatches = Enumerable.Range(0, sentences.Count).Where(i => actual[i] != expected[i]).ToList();
        Assert.That(mismatches, Is.Empty, () => $"{mismatches.Count} of {sentences.Count} sentences differ, first: {JsonSerializer.Serialize(sentences[mismatches[0]])}");
        Assert.That(threads, Has.Count.GreaterThan(1), "the pass really ran on several threads");
    }

    [Test]
    public void Parallel_surfaces_and_tokens_interleaved_equal_a_single_threaded_pass()
    {
        // Each worker alternates Tokenize and AppendSurfaces on its own tagger, on the shared Default as
        // the scorers use it; the surfaces of both must match the single-threaded ones.
        var sentences = Corpus();
        var tagger = MeCabTagger.Default;
        var expected = sentences.Select(s => string.Join('\u001F', tagger.Surfaces(s))).ToArray();

        var fromTokens = new string[sentences.Count];
        var fromSurfaces = new string[sentences.Count];
        Parallel.For(0, sentences.Count, new ParallelOptions { MaxDegreeOfParallelism = Workers }, () => new List<string>(), (i, _, buffer) =>
        {
            buffer.Clear();
            tagger.AppendSurfaces(sentences[i], buffer);
            fromSurfaces[i] = string.Join('\u001F', buffer);
            fromTokens[i] = string.Join('\u001F', tagger.Tokenize(sentences[i]).Select(t => t.Surface));
            return buffer;
        }, _ => { });

        Assert.That(Enumerable.Range(0, sentences.Count).Count(i => fromSurfaces[i] != expected[i]), Is.Zero, "AppendSurfaces");
        Assert.That(Enumerable.Range(0, sentences.Count).Count(i => fromTokens[i] != expected[i]), Is.Zero, "Tokenize");
    }

    [Test]
    public void Taggers_created_concurrently_work_independently()
    {
        // Several taggers over the same dictionary, each created and used on its own thread at the same time.
        var sentences = Corpus().Take(200).ToList();
        var expected = sentences.Select(s => Fingerprint(MeCabTagger.Default.Tokenize(s))).ToArray();

        var results = new string[Workers][];
        Parallel.For(0, Workers, new ParallelOptions { MaxDegreeOfParallelism = Workers }, w =>
        {
            using var own = new MeCabTagger(MeCabTagger.DictionaryDirectory());
            results[w] = sentences.Select(s => Fingerprint(own.Tokenize(s))).ToArray();
        });

        Assert.That(results, Has.All.EqualTo(expected));
    }

    [Test]
    public void Dispose_during_parallel_parsing_waits_for_parses_in_flight()
    {
        // Freeing the tagger while another thread walks its nodes would read freed native memory (and
        // typically crash the test host). Every call must either return the single-threaded analysis or
        // throw ObjectDisposedException; none may return anything else.
        var sentences = Corpus().Take(400).ToList();
        var expected = sentences.Select(s => Fingerprint(MeCabTagger.Default.Tokenize(s))).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var tagger = new MeCabTagger(MeCabTagger.DictionaryDirectory());
            var completed = 0;
            var disposedSeen = 0;
            var wrong = 0;
            using var started = new CountdownEvent(Workers);
            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() =>
            {
                started.Signal();
                for (var i = w; ; i = (i + Workers) % sentences.Count)
                {
                    try
                    {
                        if (Fingerprint(tagger.Tokenize(sentences[i])) != expected[i])
                        {
                            Interlocked.Increment(ref wrong);
                        }

                        Interlocked.Increment(ref completed);
                    }
                    catch (ObjectDisposedException)
                    {
                        Interlocked.Increment(ref disposedSeen);
                        return;
                    }
                }
            })).ToArray();

            started.Wait();
            SpinWait.SpinUntil(() => Volatile.Read(ref completed) > 50 * (round + 1));
            tagger.Dispose();
            Task.WaitAll(workers);

            using (Assert.EnterMultipleScope())
            {
                Assert.That(wrong, Is.Zero);
                Assert.That(disposedSeen, Is.EqualTo(Workers), "every worker stops with ObjectDisposedException");
                Assert.That(() => tagger.Tokenize("東京"), Throws.TypeOf<ObjectDisposedException>());
            }
        }
    }
}
