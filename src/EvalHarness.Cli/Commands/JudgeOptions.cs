using System.CommandLine;

namespace EvalHarness.Cli.Commands;

/// <summary>The options of <c>run</c> and <c>score</c> that choose the judge: a judge usually lives on another endpoint with another key.</summary>
internal sealed class JudgeOptions
{
    private readonly Option<string[]> _judge = new("--judge")
    {
        Description = "model that judges the answers of judge scorers (same forms as --model); give it several times for a panel",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _baseUrl = new("--judge-base-url") { Description = "API root of the judges' endpoint (default: the provider's variable, OPENAI_BASE_URL or ANTHROPIC_BASE_URL)" };

    private readonly Option<string?> _keyVariable = new("--judge-api-key-env") { Description = "environment variable holding the judges' API key (default: the provider's, OPENAI_API_KEY or ANTHROPIC_API_KEY)" };

    private readonly Option<string?> _vote = Vote();

    private readonly Option<int?> _maxConnections = OptionFactory.Int("--judge-max-connections", "judge requests in flight at most (default: adaptive, separate from the model's)", 1, 10_000);

    public IEnumerable<Option> All => [_judge, _baseUrl, _keyVariable, _vote, _maxConnections];

    public JudgeRequest Read(ParseResult parse) => new()
    {
        Specs = parse.GetValue(_judge) ?? [],
        BaseUrl = parse.GetValue(_baseUrl),
        ApiKeyVariable = parse.GetValue(_keyVariable),
        Vote = parse.GetValue(_vote) ?? "majority",
        MaxConnections = parse.GetValue(_maxConnections),
    };

    private static Option<string?> Vote()
    {
        var option = new Option<string?>("--judge-vote") { Description = "how a panel's verdicts combine: majority (default; a split panel is a judge error), mean, or all (pass only if every judge passes)" };
        option.AcceptOnlyFromAmong("majority", "mean", "all");
        return option;
    }
}
