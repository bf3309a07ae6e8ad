namespace EvalHarness.Benchmarks.Throughput;

/// <summary>One measured figure as printed: <c>name value unit</c>, then the target it is held to, if any.</summary>
internal sealed record Figure(string Name, double Value, string Format, string Unit = "", string Target = "");
