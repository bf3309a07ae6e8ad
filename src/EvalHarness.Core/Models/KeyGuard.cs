using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Models;

/// <summary>
/// Refuses a model spec or endpoint that holds an API key. What the command line names goes into
/// messages, the run directory's name, the log, every report and the cache, so a key pasted there would
/// be written everywhere; the key belongs in its environment variable only.
/// </summary>
public static class KeyGuard
{
    /// <summary>
    /// Throws when <paramref name="text"/> (as typed or %-decoded) holds the key in any of
    /// <paramref name="variables"/>, or a long part of it; the message names the variable, never the text.
    /// </summary>
    public static void Refuse(string text, string field, IEnumerable<string?> variables, Func<string, string?> environment)
    {
        foreach (var variable in variables.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // Short keys are placeholders for servers that check none ("EMPTY", "ollama") and collide with host
            // and model names; they are still masked in output, but refusing them would refuse working setups.
            var key = environment(variable);
            if (key is { Length: >= Redaction.FragmentLength } && (Redaction.Contains(text, key) || Redaction.Contains(Decoded(text), key)))
            {
                throw new InvalidInputException(new Diagnostic("command line", 0, 0, field,
                    $"contains the API key from {variable} (or a long part of it); the key is read from {variable} only, so leave it out here: this value is written to the console, the run log, every report and the cache"));
            }
        }
    }

    private static string Decoded(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
