using System.Text.Json.Nodes;
using EvalHarness.Loading;

namespace EvalHarness.Tests.Loading;

/// <summary>A large dataset's records are read on a thread of their own, ahead of the samples being built from them.</summary>
[TestFixture]
public sealed class RecordsAheadTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(255)]
    [TestCase(256)]
    [TestCase(257)]
    [TestCase(10_000)]
    public void Every_record_arrives_once_in_order(int count)
    {
        var lines = RecordsAhead.Read(Records(count)).Select(r => r.Line).ToList();

        Assert.That(lines, Is.EqualTo(Enumerable.Range(1, count)));
    }

    [Test]
    public void A_failure_while_reading_reaches_the_caller_after_the_records_before_it_with_its_own_type_and_message()
    {
        var seen = new List<int>();

        var error = Assert.Throws<IOException>(() =>
        {
            foreach (var record in RecordsAhead.Read(Failing(after: 600)))
            {
                seen.Add(record.Line);
            }
        })!;

        Assert.That(error.Message, Is.EqualTo("the disk went away after line 600"));
        Assert.That(seen, Is.EqualTo(Enumerable.Range(1, 600)), "every record read before the failure was given first");
    }

    [Test]
    public void A_caller_that_stops_early_stops_the_reader_before_it_reads_the_rest_and_closes_what_it_reads()
    {
        var source = new CountingSource(1_000_000);

        foreach (var record in RecordsAhead.Read(source.Records()))
        {
            if (record.Line == 3)
            {
                break;
            }
        }

        Assert.That(source.Finished, Is.True, "the reader's enumeration was ended (its file closed) before Read returned");
        Assert.That(source.Read, Is.LessThan(20 * 256), "a few batches ahead at most, not the whole file");
    }

    [Test]
    public void A_caller_that_fails_while_building_a_sample_stops_the_reader_too()
    {
        var source = new CountingSource(1_000_000);

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var record in RecordsAhead.Read(source.Records()))
            {
                if (record.Line == 700)
                {
                    throw new InvalidOperationException("a bug in building the sample");
                }
            }
        });

        Assert.That(source.Finished, Is.True);
        Assert.That(source.Read, Is.LessThan(700 + (20 * 256)));
    }

    private static IEnumerable<RawRecord> Records(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return new RawRecord(i, new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    private static IEnumerable<RawRecord> Failing(int after)
    {
        foreach (var record in Records(after))
        {
            yield return record;
        }

        throw new IOException($"the disk went away after line {after}");
    }

    private sealed class CountingSource(int count)
    {
        private int _read;
        private volatile bool _finished;

        public int Read => Volatile.Read(ref _read);

        public bool Finished => _finished;

        public IEnumerable<RawRecord> Records()
        {
            try
            {
                foreach (var record in RecordsAheadTests.Records(count))
                {
                    Interlocked.Increment(ref _read);
                    yield return record;
                }
            }
            finally
            {
                _finished = true;
            }
        }
    }
}
