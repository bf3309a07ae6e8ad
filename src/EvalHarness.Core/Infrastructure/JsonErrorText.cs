using System.Text.Json;

namespace EvalHarness.Infrastructure;

/// <summary>
/// The readable part of a System.Text.Json error. Its trailing "Path: … | LineNumber: 0 |
/// BytePositionInLine: 6." counts from 0 and from the start of whatever was parsed, which contradicts
/// the 1-based file line and column the harness prints beside it.
/// </summary>
public static class JsonErrorText
{
    private static readonly string[] Tails = [" Path:", " LineNumber:", " BytePositionInLine:"];

    public static string Of(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.Length;
        foreach (var tail in Tails)
        {
            var at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }

        return message[..cut].TrimEnd(' ', '|');
    }
}
