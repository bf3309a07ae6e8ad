namespace EvalHarness.Judges.Panels;

/// <summary>How the verdicts of several judges on one sample become one.</summary>
public enum PanelVote
{
    /// <summary>The verdict held by strictly more than half of the judges that gave one; a split panel has no verdict.</summary>
    Majority,

    /// <summary>The mean of the verdicts' values.</summary>
    Mean,

    /// <summary>The lowest value: the sample passes only if every judge passes it.</summary>
    All,
}
