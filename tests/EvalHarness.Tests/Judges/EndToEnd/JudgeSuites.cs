using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.EndToEnd;

/// <summary>Suites whose scorers are judges, written to a temporary directory.</summary>
internal static class JudgeSuites
{
    /// <summary>A suite named "judged" with the given scorer entries (YAML list items) and samples (JSON Lines).</summary>
    public static string Write(TempDirectory dir, string scorers, string samples, string folder = "suite") =>
        SuiteFiles.Write(dir, $"""
            name: judged
            language: en
            dataset: data.jsonl
            group_by: []
            scorers:
            {scorers}
            """, "data.jsonl", samples, folder);

    /// <summary><paramref name="count"/> English samples s1…sN asking "question about sN", each with a requirement.</summary>
    public static string Samples(int count) => string.Concat(Enumerable.Range(1, count).Select(i =>
        $"{{\"id\": \"s{i}\", \"input\": \"question about s{i}\", \"target\": \"reference for s{i}\", \"requirement\": \"mention s{i}\"}}\n"));

    /// <summary>One judge scorer with the built-in requirement rubric.</summary>
    public const string Requirement = "  - {id: req, name: judge, options: {rubric: requirement}}";
}
