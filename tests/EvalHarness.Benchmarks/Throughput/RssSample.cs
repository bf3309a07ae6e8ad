namespace EvalHarness.Benchmarks.Throughput;

/// <summary>The measured program's resident set size at one monotonic timestamp (<see cref="System.Diagnostics.Stopwatch"/> ticks, comparable across processes).</summary>
internal sealed record RssSample(long At, long Kib);
