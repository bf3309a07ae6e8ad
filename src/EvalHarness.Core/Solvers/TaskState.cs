using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Models;

namespace EvalHarness.Solvers;

/// <summary>The evolving conversation for one sample and epoch while its solver steps run.</summary>
public sealed class TaskState
{
    public TaskState(string suite, Sample sample, int epoch, GenerationSettings settings)
    {
        Suite = suite;
        Sample = sample;
        Epoch = epoch;
        Settings = settings;
        Messages = [.. sample.Input];
    }

    public string Suite { get; }

    public Sample Sample { get; }

    public int Epoch { get; }

    public GenerationSettings Settings { get; set; }

    public List<PromptMessage> Messages { get; }

    /// <summary>The messages sent with the most recent generate call.</summary>
    public IReadOnlyList<PromptMessage> LastRequest { get; set; } = [];

    /// <summary>The most recent answer, or null before any generate step ran.</summary>
    public Generation? Output { get; set; }

    public TokenUsage? Usage { get; set; }

    public int Attempts { get; set; }

    /// <summary>Failed attempts that were retried, across every generate step.</summary>
    public List<FailedAttempt> Retries { get; } = [];

    public TimeSpan Latency { get; set; }

    public int LastUserIndex => Messages.FindLastIndex(m => m.Role == MessageRoles.User);

    /// <summary>The turn of the conversation the next generate call answers (1 unless a multi-turn step advanced it).</summary>
    public int Turn { get; set; } = 1;

    /// <summary>Every turn of a multi-turn conversation, in order; empty for a single question.</summary>
    public List<TurnRecord> Turns { get; } = [];
}
