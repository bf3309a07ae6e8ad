using System.Globalization;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>The benchmark's command line; the judge's latency and concurrency default to the target's.</summary>
internal sealed record ThroughputOptions
{
    public int Samples { get; init; } = 10_000;
    public double LatencyMs { get; init; } = 50;
    public int Concurrency { get; init; } = 64;
    public bool Judge { get; init; }
    public double JudgeLatencyMs { get; init; }
    public int JudgeConcurrency { get; init; }
    public int Repeat { get; init; } = 1;
    public bool Keep { get; init; }

    public const string Usage =
        "usage: throughput [--samples N] [--latency MS] [--concurrency C] [--judge [--judge-latency MS] [--judge-concurrency C]] [--repeat R] [--keep]";

    /// <summary>Null, with the reason in <paramref name="error"/>, for anything it does not understand.</summary>
    public static ThroughputOptions? Parse(string[] args, out string? error)
    {
        error = null;
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "--samples", "--latency", "--concurrency", "--judge-latency", "--judge-concurrency", "--repeat", "--judge", "--keep",
        };
        var unknown = args.Where((a, i) => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a)).ToList();
        if (unknown.Count > 0)
        {
            error = $"unknown option {unknown[0]}";
            return null;
        }

        try
        {
            var latency = Number(args, "--latency", 50.0, 0);
            var concurrency = (int)Number(args, "--concurrency", 64, 1);
            return new ThroughputOptions
            {
                Samples = (int)Number(args, "--samples", 10_000, 1),
                LatencyMs = latency,
                Concurrency = concurrency,
                Judge = args.Contains("--judge"),
                JudgeLatencyMs = Number(args, "--judge-latency", latency, 0),
                JudgeConcurrency = (int)Number(args, "--judge-concurrency", concurrency, 1),
                Repeat = (int)Number(args, "--repeat", 1, 1),
                Keep = args.Contains("--keep"),
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static double Number(string[] args, string name, double fallback, double min)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length
            || !double.TryParse(args[index + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || value < min || value > int.MaxValue)
        {
            throw new FormatException($"{name} needs a number of at least {min.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }
}
