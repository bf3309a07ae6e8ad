namespace EvalHarness.Models;

public sealed record TokenUsage(long? InputTokens, long? OutputTokens, long? TotalTokens)
{
    public static TokenUsage? Add(TokenUsage? a, TokenUsage? b)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        return new TokenUsage(Sum(a.InputTokens, b.InputTokens), Sum(a.OutputTokens, b.OutputTokens), Sum(a.TotalTokens, b.TotalTokens));
    }

    private static long? Sum(long? x, long? y) => x is null && y is null ? null : (x ?? 0) + (y ?? 0);
}
