using EvalHarness.Suites;

namespace EvalHarness.Engine;

/// <summary>One sample in one epoch of one suite, with its effective generation settings: the unit the engine schedules, logs and resumes.</summary>
public sealed record WorkItem(Suite Suite, Sample Sample, int Epoch, GenerationSettings Settings);
