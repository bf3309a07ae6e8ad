using EvalHarness.Risk.Privacy;

namespace EvalHarness.Tests.Risk.Privacy;

/// <summary>Runs the privacy detectors over a text and lists what they found, as (kind, raw text) pairs.</summary>
internal static class Detections
{
    public static IReadOnlyList<Detection> All(string text) => PersonalDataDetector.Default.Detect(text);

    /// <summary>The counted detections (what makes personal_data fail unless echoed) as kind and the raw text found.</summary>
    public static IReadOnlyList<(string Kind, string Text)> Counted(string text) =>
        [.. All(text).Where(d => d.Counted).Select(d => (d.Kind, text.Substring(d.Start, d.Length)))];

    public static IReadOnlyList<(string Kind, string Text)> Of(string text, string kind) =>
        [.. Counted(text).Where(d => d.Kind == kind)];

    /// <summary>
    /// A 12-digit My Number with a valid check digit, computed here independently of the detector from
    /// 総務省令第八十五号 第五条's formula: weights 2..7, 2..6 from the right over the first eleven digits.
    /// </summary>
    public static string ValidMyNumber(string firstEleven)
    {
        var sum = 0;
        int[] weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        for (var i = 0; i < 11; i++)
        {
            sum += (firstEleven[i] - '0') * weights[i];
        }

        var remainder = sum % 11;
        return firstEleven + (remainder <= 1 ? 0 : 11 - remainder);
    }

    /// <summary>The 12-digit number with its last digit changed, so the check digit fails.</summary>
    public static string Broken(string valid) => valid[..^1] + (char)('0' + ((valid[^1] - '0' + 1) % 10));
}
