using System.CommandLine;
using EvalHarness.Infrastructure;
using EvalHarness.Loading;

namespace EvalHarness.Cli.Commands;

/// <summary>The options of <c>run</c> and <c>validate</c> that say which files suites may read and how much.</summary>
internal sealed class LoadingOptions
{
    private const string SizeForm = "a size such as 512KB, 4MB or 1GB";

    private readonly Option<long> _maxFieldSize = RunCommand.Parsed<long>(
        "--max-field-size", $"largest text value of a dataset record (default {ByteSizes.Format(LoadLimits.DefaultMaxFieldBytes)})", ByteSizes.TryParse, SizeForm);

    private readonly Option<long> _maxRecordSize = RunCommand.Parsed<long>(
        "--max-record-size", $"largest dataset record: a JSONL line, a CSV row (default {ByteSizes.Format(LoadLimits.DefaultMaxRecordBytes)})", ByteSizes.TryParse, SizeForm);

    private readonly Option<int?> _maxSamples = OptionFactory.Int(
        "--max-samples", $"most samples one suite's dataset may hold (default {LoadLimits.DefaultMaxSamples:N0})", 1);

    private readonly Option<string[]> _allowPath = AllowPath("a directory (or file) outside the suites' own directories that suites may read; repeat for several");

    public IEnumerable<Option> All => [_maxFieldSize, _maxRecordSize, _maxSamples, _allowPath];

    public LoadOptions Read(ParseResult parse) => new()
    {
        Limits = new LoadLimits
        {
            MaxFieldBytes = parse.GetResult(_maxFieldSize) is null ? LoadLimits.DefaultMaxFieldBytes : parse.GetValue(_maxFieldSize),
            MaxRecordBytes = parse.GetResult(_maxRecordSize) is null ? LoadLimits.DefaultMaxRecordBytes : parse.GetValue(_maxRecordSize),
            MaxSamples = parse.GetValue(_maxSamples) ?? LoadLimits.DefaultMaxSamples,
        },
        AllowedPaths = (parse.GetValue(_allowPath) ?? []).Select(Path.GetFullPath).ToList(),
    };

    /// <summary><c>--allow-path</c>, with the wording of the command that offers it; every path must exist.</summary>
    public static Option<string[]> AllowPath(string description)
    {
        var option = new Option<string[]>("--allow-path")
        {
            Description = description,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!Directory.Exists(token.Value) && !File.Exists(token.Value))
                {
                    result.AddError($"--allow-path: '{token.Value}' does not exist");
                }
            }
        });
        return option;
    }
}
