using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EvalHarness.Cli.Commands;
using EvalHarness.Cli.Console;
using EvalHarness.Infrastructure;

namespace EvalHarness.Cli;

/// <summary>The <c>evalh</c> command line, runnable in-process for tests.</summary>
public sealed class CliApp
{
    private readonly CliEnvironment _env;

    public CliApp(CliEnvironment env)
    {
        _env = env;
    }

    public RootCommand BuildRoot()
    {
        var root = new RootCommand("EvalHarness: evaluate AI models for risk with declarative suites, honest statistics and self-contained reports.")
        {
            RunCommand.Create(_env),
            ValidateCommand.Create(_env),
            CoverageCommand.Create(_env),
            ListCommand.Create(_env),
            ReportCommand.Create(_env),
            CompareCommand.Create(_env),
            GateCommand.Create(_env),
            PackCommand.Create(_env),
            VerifyCommand.Create(_env),
            MergeCommand.Create(_env),
            ScoreCommand.Create(_env),
            JudgeCheckCommand.Create(_env),
            CacheCommand.Create(_env),
        };

        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                // The default prints the entry assembly's version, which is the test host's under tests.
                version.Action = new PrintVersion(_env.Out);
            }
        }

        return root;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var parse = BuildRoot().Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = _env.Out,
            Error = _env.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };

        // Unknown options are reported alone: the parser's other complaints (an unexpected value) follow from them.
        var unknown = parse.Action is HelpAction ? [] : UnknownOptions.Find(parse);
        var errors = unknown.Count > 0 ? unknown
            : parse.Errors.Count > 0 && parse.Action is ParseErrorAction ? parse.Errors.Select(e => e.Message).ToList()
            : [];
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                _env.Error.WriteLine(ConsoleText.Safe("error: " + error));
            }

            var command = parse.CommandResult.Command is RootCommand ? string.Empty : parse.CommandResult.Command.Name + " ";
            _env.Error.WriteLine($"Run 'evalh {command}--help' for usage.");
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private sealed class PrintVersion(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine($"evalh {HarnessInfo.Current}");
            return ExitCodes.Ok;
        }
    }
}
