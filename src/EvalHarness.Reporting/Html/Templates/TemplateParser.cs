using System.Text.RegularExpressions;

namespace EvalHarness.Reporting.Html.Templates;

/// <summary>
/// Parses the Handlebars the report template uses: values (<c>{{a.b}}</c>, <c>{{{raw}}}</c>, <c>this</c>,
/// <c>@last</c>), helpers with quoted or path arguments, and <c>if</c>, <c>unless</c> and <c>each</c> blocks with
/// <c>else</c>. A block statement alone on its line takes the line with it, as Handlebars does. Anything else (partials,
/// comments, parent paths, whitespace control) is refused with the statement named, so the template cannot silently
/// mean something else than it does under Handlebars.
/// </summary>
internal static partial class TemplateParser
{
    public static List<TemplateNode> Parse(string template, IReadOnlySet<string> helpers)
    {
        var tokens = Tokenize(template);
        TrimStandalone(tokens);
        var root = new List<TemplateNode>();
        var position = 0;
        Nest(tokens, ref position, root, null, helpers);
        return root;
    }

    private static List<TemplateToken> Tokenize(string template)
    {
        var tokens = new List<TemplateToken>();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf("{{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                open = template.Length;
            }

            if (open > at)
            {
                var text = template[at..open];
                tokens.Add(new TemplateToken { Original = text, Value = text });
            }

            if (open == template.Length)
            {
                break;
            }

            var raw = template.AsSpan(open).StartsWith("{{{");
            var closing = raw ? "}}}" : "}}";
            var start = open + closing.Length;
            var end = template.IndexOf(closing, start, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new FormatException($"template: '{{{{' at offset {open} is never closed");
            }

            tokens.Add(new TemplateToken { Statement = template[start..end].Trim(), Raw = raw });
            at = end + closing.Length;
        }

        return tokens;
    }

    // Handlebars' rule: a block statement with only spaces or tabs between it and the line breaks on either side
    // (or the start or end of the template) loses those spaces and the line break after it.
    private static void TrimStandalone(List<TemplateToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsStandaloneKind || !NextIsLineEnd(tokens, i) || !PreviousIsLineStart(tokens, i))
            {
                continue;
            }

            if (i > 0)
            {
                tokens[i - 1].Value = TrailingBlanks().Replace(tokens[i - 1].Value, string.Empty);
            }

            if (i < tokens.Count - 1)
            {
                tokens[i + 1].Value = LeadingLineEnd().Replace(tokens[i + 1].Value, string.Empty);
            }
        }
    }

    private static bool NextIsLineEnd(List<TemplateToken> tokens, int i)
    {
        if (i >= tokens.Count - 1)
        {
            return true;
        }

        var next = tokens[i + 1];
        return next.IsText && (i == tokens.Count - 2 ? LastStartsWithLineEnd() : StartsWithLineEnd()).IsMatch(next.Original!);
    }

    private static bool PreviousIsLineStart(List<TemplateToken> tokens, int i)
    {
        if (i < 1)
        {
            return true;
        }

        var previous = tokens[i - 1];
        return previous.IsText && (i == 1 ? FirstEndsWithLineStart() : EndsWithLineStart()).IsMatch(previous.Original!);
    }

    private static void Nest(List<TemplateToken> tokens, ref int position, List<TemplateNode> into, TemplateNode? block, IReadOnlySet<string> helpers)
    {
        var target = into;
        while (position < tokens.Count)
        {
            var token = tokens[position++];
            if (token.IsText)
            {
                if (token.Value.Length > 0)
                {
                    target.Add(new TemplateNode { Kind = TemplateNodeKind.Text, Text = token.Value });
                }

                continue;
            }

            var statement = token.Statement;
            if (token.Raw)
            {
                target.Add(new TemplateNode { Kind = TemplateNodeKind.RawValue, Text = CheckPath(statement) });
            }
            else if (statement == "else")
            {
                target = block is null || !ReferenceEquals(target, block.Body) ? throw Unexpected(statement) : block.Inverse;
            }
            else if (statement.StartsWith('/'))
            {
                if (block is null || statement[1..] != BlockName(block.Kind))
                {
                    throw Unexpected(statement);
                }

                return;
            }
            else if (statement.StartsWith('#'))
            {
                var words = Words(statement[1..]);
                var kind = words is [var name, _] ? name switch
                {
                    "if" => TemplateNodeKind.If,
                    "unless" => TemplateNodeKind.Unless,
                    "each" => TemplateNodeKind.Each,
                    _ => throw Unexpected(statement),
                } : throw Unexpected(statement);
                var node = new TemplateNode { Kind = kind, Text = CheckPath(words[1]) };
                Nest(tokens, ref position, node.Body, node, helpers);
                target.Add(node);
            }
            else
            {
                var words = Words(statement);
                if (helpers.Contains(words[0]))
                {
                    var arguments = words.Skip(1).Select(w => w.StartsWith('"') ? new TemplateArgument(w[1..^1], null) : new TemplateArgument(null, CheckPath(w))).ToList();
                    target.Add(new TemplateNode { Kind = TemplateNodeKind.Helper, Text = words[0], Arguments = arguments });
                }
                else
                {
                    target.Add(words.Count == 1 ? new TemplateNode { Kind = TemplateNodeKind.Value, Text = CheckPath(words[0]) } : throw Unexpected(statement));
                }
            }
        }

        if (block is not null)
        {
            throw new FormatException($"template: '{{{{#{BlockName(block.Kind)} {block.Text}}}}}' is never closed");
        }
    }

    private static string BlockName(TemplateNodeKind kind) => kind switch
    {
        TemplateNodeKind.If => "if",
        TemplateNodeKind.Unless => "unless",
        _ => "each",
    };

    private static List<string> Words(string statement)
    {
        var words = new List<string>();
        foreach (Match match in Word().Matches(statement))
        {
            words.Add(match.Value);
        }

        return words.Count > 0 ? words : throw Unexpected(statement);
    }

    private static string CheckPath(string path) =>
        PathPattern().IsMatch(path) ? path : throw Unexpected(path);

    private static FormatException Unexpected(string statement) =>
        new($"template: '{{{{{statement}}}}}' is not a statement this renderer knows (values, helpers, if, unless, each, else)");

    [GeneratedRegex(@"^[ \t]*(\r?\n|$)")]
    private static partial Regex LastStartsWithLineEnd();

    [GeneratedRegex(@"^[ \t]*\r?\n")]
    private static partial Regex StartsWithLineEnd();

    [GeneratedRegex(@"(^|\r?\n)\s*?$")]
    private static partial Regex FirstEndsWithLineStart();

    [GeneratedRegex(@"\r?\n\s*?$")]
    private static partial Regex EndsWithLineStart();

    [GeneratedRegex(@"[ \t]+\z")]
    private static partial Regex TrailingBlanks();

    [GeneratedRegex(@"^[ \t]*\r?\n?")]
    private static partial Regex LeadingLineEnd();

    [GeneratedRegex(@"""[^""]*""|[^\s]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(this|@(last|first|index|key)|[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)$")]
    private static partial Regex PathPattern();
}
