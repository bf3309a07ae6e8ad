using System.Globalization;
using System.Text.Json;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// The suite the benchmark runs: N English word problems of about 120 characters whose answer is 42, in ten
/// categories (so results are grouped as a real suite's are), scored by <c>numeric</c> and, with a judge, by
/// the <c>judge</c> scorer with the built-in <c>equivalence</c> rubric. The same N gives the same files.
/// </summary>
internal static class BenchSuite
{
    private static readonly (string Category, string Template)[] Problems =
    [
        ("shopping", "A shop in {0} sold {1} umbrellas before noon and {2} after noon. How many umbrellas did it sell that day?"),
        ("travel", "A bus left {0} with {1} passengers and picked up {2} more on the way. How many passengers arrived at the end?"),
        ("cooking", "A cook in {0} baked {1} rolls in the first oven and {2} in the second. How many rolls came out of the ovens?"),
        ("gardening", "A garden in {0} has {1} red tulips and {2} yellow ones in its beds. How many tulips grow in that garden in all?"),
        ("sports", "A team from {0} scored {1} points in the first half and {2} in the second. What was the team's final score?"),
        ("library", "The library in {0} lent {1} books on Monday and {2} books on Tuesday. How many books did it lend on both days?"),
        ("school", "A school in {0} has {1} pupils in one class and {2} in the other. How many pupils are in the two classes together?"),
        ("weather", "It rained for {1} hours in {0} last week and for {2} hours this week. How many hours of rain fell in both weeks?"),
        ("music", "A choir in {0} sang {1} songs at its spring concert and {2} at its autumn one. How many songs did it sing in all?"),
        ("transport", "A ferry near {0} made {1} crossings in May and {2} crossings in June. How many crossings did it make in the two months?"),
    ];

    private static readonly string[] Towns = ["Aberdeen", "Bristol", "Cardiff", "Dover", "Exeter", "Falmouth", "Glasgow", "Harwich", "Ipswich", "Kendal", "Leeds"];

    /// <summary>Writes suite.yaml and data.jsonl into <paramref name="directory"/>; returns the suite file.</summary>
    public static string Write(string directory, int samples, bool judge)
    {
        var scorers = judge ? "\n  - numeric\n  - {name: judge, id: judge, options: {rubric: equivalence}}" : " [numeric]";
        File.WriteAllText(Path.Combine(directory, "suite.yaml"), $"""
            name: bench
            description: Throughput benchmark (tests/EvalHarness.Benchmarks/Throughput)
            dataset: data.jsonl
            scorers:{scorers}
            group_by: [category]

            """);
        using var data = new StreamWriter(Path.Combine(directory, "data.jsonl"));
        for (var i = 0; i < samples; i++)
        {
            var (category, template) = Problems[i % Problems.Length];
            var first = 1 + (i / Problems.Length % 40);
            var question = string.Format(CultureInfo.InvariantCulture, template, Towns[i % Towns.Length], first, 42 - first);
            var line = new Dictionary<string, string>
            {
                ["id"] = string.Create(CultureInfo.InvariantCulture, $"q{i:D6}"),
                ["input"] = question + string.Create(CultureInfo.InvariantCulture, $" (problem {i})"),
                ["target"] = "42",
                ["category"] = category,
            };
            data.WriteLine(JsonSerializer.Serialize(line));
        }

        return Path.Combine(directory, "suite.yaml");
    }
}
