using EvalHarness.Scoring;

namespace EvalHarness.Engine;

/// <summary>What re-scoring did, counted from many samples scored at once.</summary>
internal sealed class RescoreTally
{
    private int _rescored;
    private int _copied;
    private int _judged;
    private int _judgedFailed;
    private int _kept;
    private int _judgeErrors;
    private string? _firstJudgeError;

    public void Rescored() => Interlocked.Increment(ref _rescored);

    public void Copied() => Interlocked.Increment(ref _copied);

    public void Kept(Score score)
    {
        Interlocked.Increment(ref _kept);
        CountJudgeError(score);
    }

    /// <param name="asked">True when a judge was bound and asked; false when the scorer found none to ask.</param>
    public void Judged(Score score, bool asked)
    {
        if (asked)
        {
            Interlocked.Increment(ref _judged);
            if (score.Value is null)
            {
                Interlocked.Increment(ref _judgedFailed);
                Interlocked.CompareExchange(ref _firstJudgeError, score.Error, null);
            }
        }

        CountJudgeError(score);
    }

    public RescoreOutcome ToOutcome(Logs.RunLog? log, string? stalled) => new(log)
    {
        Rescored = Volatile.Read(ref _rescored),
        Copied = Volatile.Read(ref _copied),
        Judged = Volatile.Read(ref _judged),
        JudgedFailed = Volatile.Read(ref _judgedFailed),
        Kept = Volatile.Read(ref _kept),
        JudgeErrors = Volatile.Read(ref _judgeErrors),
        FirstJudgeError = Volatile.Read(ref _firstJudgeError),
        Stalled = stalled,
    };

    private void CountJudgeError(Score score)
    {
        if (score.JudgeError == true)
        {
            Interlocked.Increment(ref _judgeErrors);
        }
    }
}
