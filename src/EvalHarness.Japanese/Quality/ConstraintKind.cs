namespace EvalHarness.Japanese.Quality;

/// <summary>The kinds of instruction instruction_compliance can check.</summary>
internal enum ConstraintKind
{
    /// <summary>Length in characters: Unicode code points, whitespace not counted.</summary>
    Characters,

    /// <summary>Length in words: whitespace-separated tokens with a letter or digit.</summary>
    Words,

    /// <summary>At most a number of non-blank lines.</summary>
    Lines,

    /// <summary>An exact number of list items.</summary>
    ListItems,

    /// <summary>The output (or its fenced block) is a JSON object or array.</summary>
    Json,

    /// <summary>The output is only はい/いいえ or yes/no.</summary>
    YesNo,

    /// <summary>The output is only a number.</summary>
    NumberOnly,
}
