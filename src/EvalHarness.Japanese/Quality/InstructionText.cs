using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// The instruction part of a prompt: what the user asks, without the material the request is about. A
/// passage to summarise may itself say 「400字以内」 or 「3つの理由」, and a quoted JSON example says
/// 「JSON形式」; none of that is an instruction to the model. Left out, in this order:
/// <list type="bullet">
/// <item>fenced code blocks and Markdown block quotes (<c>&gt;</c> lines);</item>
/// <item>passages: the lines after a label line (文章： 本文： 【記事】 ### 資料 Text: …) or after a line that
/// introduces material (以下の文章を… 次の記事を…), up to the next instruction label (質問： 指示： 【条件】
/// Question: …) or the end of the message; material given after a colon on the introducing line itself
/// (「次の文章を要約して：…」) is the rest of that line only;</item>
/// <item>the contents of closed quotations 「…」 『…』 “…”, except a quoted answer word (「はい」「いいえ」),
/// which names the answers an instruction allows.</item>
/// </list>
/// Instructions written after an unlabelled passage are therefore not read; a prompt that puts them there
/// should label them (質問：, 指示：) or the suite should configure the constraint. Text is NFKC-normalised
/// before it arrives here, so ： is already ':'.
/// </summary>
internal sealed partial record InstructionText(string Text, int Quotations, int Passages, int CodeBlocks)
{
    private const string PassageLabels = "文章|本文|記事|文書|資料|原文|テキスト|入力文|入力|例文|文脈|背景|会話|対話|メール|引用|ニュース|お知らせ|passage|text|context|article|document|input|excerpt";

    private const string InstructionLabels = "質問|問題|問い|設問|指示|課題|依頼|タスク|条件|制約|要件|注意事項|出力形式|回答形式|出力|回答|question|instruction|instructions|task|requirements?|constraints?|output\\s+format";

    private static readonly string[] AnswerWords = ["はい", "いいえ", "yes", "no", "Yes", "No", "YES", "NO"];

    public static InstructionText Of(string prompt)
    {
        var lines = prompt.ReplaceLineEndings("\n").Split('\n');
        var kept = new StringBuilder(prompt.Length);
        var passages = 0;
        var blocks = 0;
        string? fence = null;
        var inPassage = false;
        var inQuoteBlock = false;
        foreach (var line in lines)
        {
            if (ProseText.FenceMarker(line) is { } marker && (fence is null || marker.StartsWith(fence, StringComparison.Ordinal)))
            {
                blocks += fence is null ? 1 : 0;
                fence = fence is null ? marker : null;
                kept.Append('\n');
                continue;
            }

            if (fence is not null)
            {
                kept.Append('\n');
                continue;
            }

            if (Label(InstructionLabel(), line) is { } instruction)
            {
                inPassage = false;
                inQuoteBlock = false;
                kept.Append(instruction).Append('\n');
                continue;
            }

            if (Label(PassageLabel(), line) is { } passageRest)
            {
                // The label stays (it says what follows); what it labels goes.
                passages++;
                inPassage = true;
                kept.Append(line.AsSpan(0, line.Length - passageRest.Length)).Append('\n');
                continue;
            }

            if (inPassage)
            {
                kept.Append('\n');
                continue;
            }

            if (line.TrimStart().StartsWith('>'))
            {
                passages += inQuoteBlock ? 0 : 1;
                inQuoteBlock = true;
                kept.Append('\n');
                continue;
            }

            inQuoteBlock = false;
            if (Introducer().Match(line) is { Success: true } intro)
            {
                // 「次の文章を要約してください：吾輩は猫である。」: material given after a colon on the introducing line is
                // that line's rest; otherwise it is the lines that follow.
                passages++;
                var colon = line.IndexOf(':', intro.Index + intro.Length);
                var inline = colon >= 0 && line[(colon + 1)..].Trim().Length > 0;
                inPassage = !inline;
                kept.Append(inline ? line[..(colon + 1)] : line).Append('\n');
                continue;
            }

            kept.Append(line).Append('\n');
        }

        var (text, quotations) = WithoutQuotations(kept.ToString(0, Math.Max(0, kept.Length - 1)));
        return new InstructionText(text, quotations, passages, blocks);
    }

    /// <summary>The text after the label when the line is a label line of that kind; null otherwise.</summary>
    private static string? Label(Regex regex, string line)
    {
        var m = regex.Match(line);
        if (!m.Success)
        {
            return null;
        }

        // "文章を読んで答えて" is prose that starts with a label word; a label is marked by a colon, brackets or a
        // heading, and a heading or brackets without a colon must stand alone on the line ("## 本文の要約" is a heading).
        var marked = m.Groups["colon"].Success || ((m.Groups["open"].Success || m.Groups["heading"].Success) && m.Groups["rest"].Value.Trim().Length == 0);
        return marked ? m.Groups["rest"].Value : null;
    }

    private static (string Text, int Count) WithoutQuotations(string text)
    {
        var sb = new StringBuilder(text.Length);
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            var close = text[i] switch { '「' => '」', '『' => '』', '“' => '”', _ => '\0' };
            if (close != '\0' && Closing(text, i, text[i], close) is { } end)
            {
                var content = text[(i + 1)..end];
                if (Array.IndexOf(AnswerWords, content.Trim()) >= 0)
                {
                    sb.Append(text, i, end - i + 1);
                }
                else
                {
                    count++;
                    sb.Append(text[i]).Append('…').Append(close);
                }

                i = end + 1;
                continue;
            }

            sb.Append(text[i]);
            i++;
        }

        return (sb.ToString(), count);
    }

    /// <summary>The index of the bracket closing the one at <paramref name="start"/>, nesting counted; null when it never closes.</summary>
    private static int? Closing(string text, int start, char open, char close)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == open && open != close)
            {
                depth++;
            }
            else if (text[i] == close && --depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\s*(?<heading>#{1,6}\s*)?(?:(?<open>【|\[|\*\*|<)\s*)?(?:" + PassageLabels + @")\s*[0-9]*\s*(?:】|\]|\*\*|>)?\s*(?<colon>:)?(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex PassageLabel();

    [GeneratedRegex(@"^\s*(?<heading>#{1,6}\s*)?(?:(?<open>【|\[|\*\*|<)\s*)?(?:" + InstructionLabels + @")\s*[0-9]*\s*(?:】|\]|\*\*|>)?\s*(?<colon>:)?(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex InstructionLabel();

    // 「以下の文章を」「次の記事について」「下記のメールから」: the material follows this line.
    [GeneratedRegex(@"(?:以下|次|下記|後述)の(?:" + PassageLabels + @"|文|内容|段落|詩|物語|手紙|報告|レポート|論文|発言|コメント|スピーチ|日記|説明文)(?:を|について|から|の|は|に|では|を読)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, ProseText.TimeoutMilliseconds)]
    private static partial Regex Introducer();
}
