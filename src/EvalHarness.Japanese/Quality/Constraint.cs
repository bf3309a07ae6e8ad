using System.Globalization;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// One instruction to check. <paramref name="Min"/> and <paramref name="Max"/> bound the measured figure
/// (inclusive) for lengths and list items; <paramref name="About"/> is the stated figure of an approximate
/// length ("50文字程度"), whose bounds are ±20%. <paramref name="Source"/> says where it came from:
/// the prompt's words or the option or metadata key.
/// </summary>
internal sealed record Constraint(ConstraintKind Kind, string Source, int? Min = null, int? Max = null, int? About = null)
{
    /// <summary>
    /// An approximate length may stray by 20%: 「50文字程度」 accepts 40 to 60. Integer arithmetic, so
    /// the bounds are exact (ceiling of 4/5, floor of 6/5) rather than at the mercy of 0.8 in binary.
    /// </summary>
    public static Constraint Approximately(ConstraintKind kind, string source, int about) =>
        new(kind, source, (int)(((4L * about) + 4) / 5), (int)(6L * about / 5), about);

    public string Describe() => Kind switch
    {
        ConstraintKind.Characters => Bounds("characters"),
        ConstraintKind.Words => Bounds("words"),
        ConstraintKind.Lines => Bounds("lines"),
        ConstraintKind.ListItems => Bounds("list items"),
        ConstraintKind.Json => "JSON output",
        ConstraintKind.YesNo => "only yes/no (はい/いいえ)",
        ConstraintKind.NumberOnly => "only a number",
        _ => Kind.ToString(),
    };

    private string Bounds(string unit) => (About, Min, Max) switch
    {
        ({ } about, { } min, { } max) => Invariant($"about {about} {unit} ({min}–{max})"),
        (null, { } min, { } max) when min == max => Invariant($"exactly {min} {unit}"),
        (null, { } min, { } max) => Invariant($"{min}–{max} {unit}"),
        (null, null, { } max) => Invariant($"at most {max} {unit}"),
        (null, { } min, null) => Invariant($"at least {min} {unit}"),
        _ => unit,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
