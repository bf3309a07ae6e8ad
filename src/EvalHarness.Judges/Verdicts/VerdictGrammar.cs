namespace EvalHarness.Judges.Verdicts;

/// <summary>
/// The verdicts a rubric allows, and how a judge's free-text answer is read against them.
/// </summary>
/// <remarks>
/// <para>The answer is NFKC-normalised first, so full-width letters, digits, colons and brackets
/// (<c>ＧＲＡＤＥ：Ｃ</c>, <c>評価：［［４］］</c>) read as their ASCII forms. Then, in order:</para>
/// <list type="number">
/// <item><b>Explicit markers</b>, anywhere in the answer:
/// a keyword (<c>grade</c>, <c>verdict</c>, <c>rating</c>, <c>score</c>, <c>judgment</c>/<c>judgement</c>,
/// <c>label</c>, <c>decision</c> in any case, or <c>評価</c>, <c>判定</c>, <c>採点</c>, <c>スコア</c>,
/// <c>評点</c>, <c>点数</c>, <c>得点</c>, optionally followed by <c>結果</c>), then <c>:</c> or <c>=</c>,
/// then the value; quotes, <c>**</c>, <c>[</c>, <c>(</c> and <c>「</c> around the keyword or the value are
/// allowed, so JSON (<c>{"grade": "C"}</c>, inside a fence or not) and Markdown (<c>**Grade:** C</c>) read
/// the same as <c>GRADE: C</c>; and a double-bracketed value <c>[[4]]</c> (MT-Bench).
/// <list type="bullet">
/// <item>A word after a keyword is the verdict unless another English word follows it on the same line
/// (<c>Verdict: The answer…</c>, <c>Grade: I think…</c>, <c>GRADE: C or I</c> are prose and ignored);
/// <c>because</c>, <c>since</c>, <c>as</c>, <c>given</c>, <c>due</c> and <c>based</c> may follow a verdict.
/// A word followed by another label-like word after <c>か</c>, <c>または</c>, <c>や</c>, <c>と</c>, <c>、</c>,
/// <c>,</c> or <c>/</c> (<c>判定：CかIか</c>, <c>Grade: C/I</c>) lists options and is ignored too.</item>
/// <item>A number after a keyword is the verdict whatever follows, except: <c>3 or 4</c>, <c>3-4</c>,
/// <c>3〜4</c> are not a single verdict (an error); <c>4/5</c> and <c>4 out of 5</c> must name the scale's
/// maximum; a number followed by <c>満点</c> is the maximum, not the verdict (ignored); a number starting a
/// numbered list on the line after the keyword (<c>Score:\n1. Accuracy…</c>) is ignored.</item>
/// <item>A double-bracketed value must be one number or one word and nothing else.</item>
/// </list></item>
/// <item>Labels are matched without regard to case; a rating must be a whole number (<c>4.0</c> is 4)
/// inside the scale.</item>
/// <item>When the valid markers all say the same, that is the verdict, whatever the prose around them
/// says (reasoning that mentions other labels cannot change it). When they disagree, the result is the
/// error <c>ambiguous verdict: …</c>. Markers whose value is not allowed (<c>GRADE: X</c>,
/// <c>[[6]]</c> on 1–5, an echoed <c>[[rating]]</c>) are ignored when a valid marker exists; otherwise
/// the last of them is the error.</item>
/// <item>Without any marker, an answer that is exactly one label or one number (decorations such as
/// <c>**C**</c>, <c>「C」</c>, <c>C.</c> allowed) is the verdict, or the error saying why it is not allowed.
/// Failing that, a last non-empty line that is exactly one allowed label or number is the verdict.</item>
/// <item>Anything else is the error <c>no verdict … found</c>, quoting the end of the answer. Prose alone
/// is never read.</item>
/// </list>
/// <para>Errors quote at most about 80 characters of the judge's text, with runs of whitespace shown as one
/// space and nothing escaped.</para>
/// </remarks>
public abstract record VerdictGrammar
{
    private protected VerdictGrammar()
    {
    }

    /// <summary>Reads the verdict from a judge's answer; never throws.</summary>
    public VerdictParse Parse(string judgeAnswer) => VerdictReader.Read(judgeAnswer, this);

    /// <summary>The allowed verdicts as messages show them: "C or I", "a whole number from 1 to 5".</summary>
    public abstract string Describe();

    /// <summary>A number given as the verdict; <paramref name="outOf"/> is a stated maximum ("4/5").</summary>
    internal abstract VerdictParse ReadNumber(string text, double number, int? outOf);

    internal abstract VerdictParse ReadWord(string word);
}
