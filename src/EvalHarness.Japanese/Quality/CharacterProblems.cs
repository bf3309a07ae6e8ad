namespace EvalHarness.Japanese.Quality;

/// <summary>Code points that never belong in an answer: U+FFFD, controls, lone surrogates, private use.</summary>
internal static class CharacterProblems
{
    public static void Find(string text, List<TextProblem> problems)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var value = char.ConvertToUtf32(c, text[i + 1]);
                if (value >= 0xF0000)
                {
                    problems.Add(new TextProblem(TextProblemKind.PrivateUse, i, 2));
                }

                i++;
                continue;
            }

            var kind = c switch
            {
                _ when char.IsSurrogate(c) => TextProblemKind.LoneSurrogate,
                '\uFFFD' => TextProblemKind.ReplacementCharacter,
                '\t' or '\n' or '\r' => (TextProblemKind?)null,
                < '\u0020' or (>= '\u007F' and <= '\u009F') => TextProblemKind.ControlCharacter,
                >= '\uE000' and <= '\uF8FF' => TextProblemKind.PrivateUse,
                _ => null,
            };
            if (kind is { } k)
            {
                problems.Add(new TextProblem(k, i, 1));
            }
        }
    }
}
