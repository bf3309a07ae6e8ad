namespace EvalHarness.Suites;

public static class MessageRoles
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    public static bool IsKnown(string role) => role is System or User or Assistant;
}
