using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Tests.Cli;

/// <summary>
/// The <c>evalh …</c> command lines of a shell script as a CI runner would see them: continuation lines
/// joined, the command cut at the first shell operator, quotes removed. Words keep their variables
/// (<see cref="CiDocsCommand.Words"/>) for checks of what the example passes; <see cref="CiDocsCommand.Args"/>
/// has them replaced by sample values for the parser.
/// </summary>
internal static partial class CiDocsShell
{
    public static IEnumerable<CiDocsCommand> Commands(string script, string source)
    {
        var joined = Continuation().Replace(script, " ");
        foreach (var line in joined.Split('\n'))
        {
            // ${{ matrix.shard }} holds spaces that would split a word; the runner replaces it before the shell sees it.
            var compact = GitHubExpression().Replace(line, m => "${{" + m.Groups["expr"].Value.Trim() + "}}");
            foreach (Match start in EvalhWord().Matches(compact))
            {
                var words = Words(compact[(start.Index + start.Length)..]);
                yield return new CiDocsCommand(source, compact.Trim(), words, words.Select(Substitute).ToList());
            }
        }
    }

    /// <summary>A value of the kind the runner would put in place of each variable.</summary>
    public static string Substitute(string word)
    {
        var result = GitHubExpression().Replace(word, m => m.Groups["expr"].Value.Trim() == "matrix.shard" ? "1" : "value");
        result = Arithmetic().Replace(result, "1");
        return ShellVariable().Replace(result, m => m.Groups["name"].Value is "CI_NODE_INDEX" or "EVALH_SHARD_INDEX" or "JOB_COMPLETION_INDEX" ? "1" : "value");
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (c is '|' or '&' or ';' or '>' or '<' or ')' || (c == '#' && !inWord))
            {
                break;
            }
            else if (c == '$' && i + 2 < text.Length && text[i + 1] == '(' && text[i + 2] == '(')
            {
                // $((…)) is one word, spaces and all.
                var end = text.IndexOf("))", i, StringComparison.Ordinal);
                word.Append(text, i, end + 2 - i);
                inWord = true;
                i = end + 1;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString());
            }

            word.Clear();
            inWord = false;
        }
    }

    [GeneratedRegex(@"\\\n[ \t]*")]
    private static partial Regex Continuation();

    // evalh as a command word: not a path (evalh-bin/evalh, /opt/evalh:$PATH) nor a name (name: evalh).
    [GeneratedRegex(@"(?<![\w/.$:-])evalh(?=[ \t]+[a-z-])")]
    private static partial Regex EvalhWord();

    [GeneratedRegex(@"\$\{\{(?<expr>.*?)\}\}")]
    private static partial Regex GitHubExpression();

    [GeneratedRegex(@"\$\(\(.*?\)\)")]
    private static partial Regex Arithmetic();

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}?")]
    private static partial Regex ShellVariable();
}
