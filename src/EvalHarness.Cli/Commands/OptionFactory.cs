using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Numeric options whose text and range are checked at parse time (exit code 2). The parser's own
/// message for text that is not a number names a .NET type; ours names the flag and the accepted form.
/// </summary>
internal static class OptionFactory
{
    public static Option<int?> Int(string name, string description, int min, int max = int.MaxValue)
    {
        var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
        return new Option<int?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = Text(result);
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name}: '{text}' is not valid; expected a whole number {range}");
                    return null;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name} must be {range}");
                    return null;
                }

                return value;
            },
        };
    }

    public static Option<double?> Double(string name, string description, double min, double max)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}");
        return new Option<double?>(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var text = Text(result);
                if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    result.AddError($"{name}: '{text}' is not valid; expected a number {range}");
                    return null;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name} must be {range}");
                    return null;
                }

                return value;
            },
        };
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
}
