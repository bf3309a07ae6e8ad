namespace EvalHarness.Tests.Cli;

/// <summary>
/// One <c>evalh</c> command of a CI example: where it is, its line, its words as written and as run, and the
/// variables its platform sets for it (the matrix's env, GitLab's CI_NODE_*, the Indexed Job's index).
/// </summary>
internal sealed record CiDocsCommand(string Source, string Line, IReadOnlyList<string> Words, IReadOnlyList<string> Args)
{
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public string Name => Words.Count > 0 ? Words[0] : string.Empty;

    /// <summary>The word after <paramref name="flag"/>, as written (variables kept).</summary>
    public string? Value(string flag)
    {
        var at = Words.ToList().IndexOf(flag);
        return at >= 0 && at + 1 < Words.Count ? Words[at + 1] : null;
    }

    /// <summary>Words that are neither flags nor flag values, after the command name.</summary>
    public IReadOnlyList<string> Positionals(params string[] flagsWithValues)
    {
        var result = new List<string>();
        for (var i = 1; i < Words.Count; i++)
        {
            if (flagsWithValues.Contains(Words[i]))
            {
                i++;
            }
            else if (!Words[i].StartsWith('-'))
            {
                result.Add(Words[i]);
            }
        }

        return result;
    }

    public override string ToString() => $"{Source}: evalh {string.Join(' ', Words)}";
}
