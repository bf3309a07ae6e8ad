using System.CommandLine;
using System.CommandLine.Parsing;
using EvalHarness.Configuration;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Finds tokens that look like options but name none. The parser hands them to a command's positional
/// arguments instead (so <c>run --modle x</c> would look for suites named "--modle" and "x"), which hides
/// the typo behind a misleading message. A value that really starts with a dash goes after <c>--</c>.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>One message per unknown option, with the closest real option when there is one.</summary>
    public static List<string> Find(ParseResult parse)
    {
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            foreach (var child in result.Children.OfType<OptionResult>())
            {
                optionValues.UnionWith(child.Tokens);
            }
        }

        var messages = new List<string>();
        foreach (var token in parse.Tokens.TakeWhile(t => t.Type != TokenType.DoubleDash))
        {
            if (token.Type != TokenType.Argument || token.Value.Length < 2 || token.Value[0] != '-' || optionValues.Contains(token))
            {
                continue;
            }

            // "--modle=x" names the option "--modle".
            var name = token.Value.Split('=', ':')[0];
            var suggestion = Suggest.Closest(name, Known(parse.CommandResult));
            messages.Add($"unknown option '{name}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
        }

        return messages;
    }

    private static List<string> Known(CommandResult command)
    {
        var names = new List<string>();
        for (var result = command; result is not null; result = result.Parent as CommandResult)
        {
            foreach (var option in result.Command.Options.Where(o => result == command || o.Recursive))
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases);
            }
        }

        return names;
    }
}
