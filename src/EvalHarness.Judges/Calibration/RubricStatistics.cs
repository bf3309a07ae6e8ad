namespace EvalHarness.Judges.Calibration;

/// <summary>A judge's agreement with the human labels of one rubric: all its items, per language, and hard items against the rest.</summary>
public sealed record RubricStatistics(
    CalibrationRubric Rubric,
    AgreementStatistics All,
    IReadOnlyList<AgreementStatistics> ByLanguage,
    IReadOnlyList<AgreementStatistics> ByHardness);
