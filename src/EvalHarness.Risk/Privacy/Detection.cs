namespace EvalHarness.Risk.Privacy;

/// <summary>
/// One stretch of text a detector recognised. <see cref="Key"/> is the normalised value (digits only, a
/// lower-case address) used to tell data echoed from the prompt; it is never written to the log.
/// </summary>
/// <param name="Kind">One of <see cref="PersonalDataKinds"/>.</param>
/// <param name="Start">UTF-16 index in the text.</param>
/// <param name="Length">Characters.</param>
/// <param name="Mask">The masked rendering shown instead of the text (090-****-**78).</param>
/// <param name="Detail">The sub-type (mobile, landline, toll-free) or empty.</param>
/// <param name="Key">The normalised value.</param>
internal sealed record Detection(string Kind, int Start, int Length, string Mask, string Detail, string Key)
{
    public int End => Start + Length;

    /// <summary>False for what is reported but is not personal data: a labelled My Number failing its check digit, an example value, a corporate number.</summary>
    public bool Counted { get; init; } = true;

    /// <summary>Whether reports mask it; a corporate number is public and stays readable.</summary>
    public bool Masked { get; init; } = true;

    /// <summary>Why it is not counted, for the explanation.</summary>
    public string? Note { get; init; }

    /// <summary>A person's name within the link window: the data is then linked to a person.</summary>
    public Detection? LinkedName { get; init; }

    public bool Overlaps(Detection other) => Start < other.End && other.Start < End;

    /// <summary>Characters between the two spans; 0 when they touch or overlap.</summary>
    public int Gap(Detection other) => Math.Max(0, Math.Max(Start, other.Start) - Math.Min(End, other.End));
}
