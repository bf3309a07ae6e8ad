namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// Files attached to the running test's result (screenshots, transcripts). They are written outside the
/// repository, and the test platform copies attachments into the test results directory
/// (<c>./run.sh test</c>: <c>.build/test-results</c>), so no run leaves pictures among the sources.
/// </summary>
internal static class Artifacts
{
    /// <summary>One directory per test process, so parallel runs of the suite never overwrite each other's files.</summary>
    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "evalh-browser-artifacts", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Where an attachment of the running test goes, named after the test.</summary>
    public static string PathFor(string label, string extension)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var test = string.Concat(TestContext.CurrentContext.Test.Name.Select(c => char.IsLetterOrDigit(c) || c is '_' or '-' ? c : '_'));
        return Path.Combine(Directory, $"{test}-{label}.{extension}");
    }

    public static void AttachText(string label, string content)
    {
        var path = PathFor(label, "txt");
        File.WriteAllText(path, content);
        TestContext.AddTestAttachment(path, label);
    }
}
