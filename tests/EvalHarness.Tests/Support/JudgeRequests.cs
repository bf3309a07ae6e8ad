using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace EvalHarness.Tests.Support;

/// <summary>
/// Reads a request that reached a scripted judge the way the built-in rubrics lay it out: the model's answer
/// between <c>&lt;answer&gt;</c> tags, the suite's <c>criteria</c> between <c>&lt;additional_criteria&gt;</c>
/// tags (tests name the scorer there, so one judge script can serve several judge scorers), and whether it is
/// the follow-up sent after an unreadable reply.
/// </summary>
internal static partial class JudgeRequests
{
    /// <summary>A judge is shown the answer in an <c>&lt;answer&gt;</c> block; the model under evaluation never is.</summary>
    public static bool IsJudge(FakeRequest request) => Prompt(request) is not null;

    /// <summary>The model's answer as the judge was shown it.</summary>
    public static string Answer(FakeRequest request) => Block(request, AnswerBlock());

    /// <summary>The scorer's <c>criteria</c> option as the judge was shown it.</summary>
    public static string Criteria(FakeRequest request) => Block(request, CriteriaBlock());

    /// <summary>The rubric prompt (the first user message).</summary>
    public static string? Prompt(FakeRequest request) =>
        request.Messages.Select(Content).FirstOrDefault(c => c is not null && c.Contains("<answer>\n", StringComparison.Ordinal));

    public static string? System(FakeRequest request) =>
        request.Messages.Where(m => Role(m) == "system").Select(Content).FirstOrDefault();

    /// <summary>A question asked again after an unreadable reply carries that reply as an assistant message.</summary>
    public static bool IsFollowUp(FakeRequest request) => request.Messages.Any(m => Role(m) == "assistant");

    public static IReadOnlyList<(string Role, string Content)> Conversation(FakeRequest request) =>
        request.Messages.Select(m => (Role(m) ?? string.Empty, Content(m) ?? string.Empty)).ToList();

    private static string Block(FakeRequest request, Regex block) =>
        Prompt(request) is { } prompt && block.Match(prompt) is { Success: true } match
            ? match.Groups["text"].Value
            : throw new InvalidOperationException("not a judge request shaped like the built-in rubrics: " + request.Body.ToJsonString());

    private static string? Role(JsonNode? message) => message?["role"]?.GetValue<string>();

    private static string? Content(JsonNode? message) => message?["content"]?.ToString();

    [GeneratedRegex(@"<answer>\n(?<text>.*?)\n</answer>", RegexOptions.Singleline)]
    private static partial Regex AnswerBlock();

    [GeneratedRegex(@"<additional_criteria>\n(?<text>.*?)\n</additional_criteria>", RegexOptions.Singleline)]
    private static partial Regex CriteriaBlock();
}
