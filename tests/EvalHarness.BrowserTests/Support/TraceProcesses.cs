using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalHarness.BrowserTests.Support;

/// <summary>
/// The process tree behind an <c>strace -f</c> log (with clone, fork and execve traced): which process
/// each thread belongs to, which process started which, and what program each one runs, so a line can
/// be told apart as the browser's or as the tool's that started it.
/// </summary>
internal sealed partial class TraceProcesses
{
    private readonly Dictionary<int, int> _processOfThread = [];
    private readonly Dictionary<int, int> _parent = [];
    private readonly Dictionary<int, string> _program = [];

    public TraceProcesses(IEnumerable<string> lines)
    {
        var calls = Calls(lines).ToList();

        // Threads first: strace can print a new thread's own calls before the line that created it.
        foreach (var (thread, call) in calls)
        {
            if (ProcessStart().Match(call) is { Success: true } start && call.Contains("CLONE_THREAD", StringComparison.Ordinal))
            {
                _processOfThread[int.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture)] = thread;
            }
        }

        foreach (var (thread, call) in calls)
        {
            if (ProcessStart().Match(call) is { Success: true } start && !call.Contains("CLONE_THREAD", StringComparison.Ordinal))
            {
                _parent[int.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture)] = ProcessOf(thread);
            }
            else if (Exec().Match(call) is { Success: true } exec)
            {
                _program[ProcessOf(thread)] = exec.Groups[1].Value;
            }
        }
    }

    /// <summary>True when the line was written by a process that runs <paramref name="program"/> or was started by one that does.</summary>
    public bool Under(string line, string program)
    {
        if (TraceLine().Match(line) is not { Success: true } parsed)
        {
            return false;
        }

        var process = ProcessOf(int.Parse(parsed.Groups[1].Value, CultureInfo.InvariantCulture));
        for (var depth = 0; depth < 1000; depth++)
        {
            if (_program.TryGetValue(process, out var running) && running == program)
            {
                return true;
            }

            if (!_parent.TryGetValue(process, out process))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A thread's process: the thread that started it, followed up to a thread nobody started as a thread.</summary>
    private int ProcessOf(int thread)
    {
        for (var depth = 0; depth < 1000 && _processOfThread.TryGetValue(thread, out var creator); depth++)
        {
            thread = creator;
        }

        return thread;
    }

    /// <summary>Each call whole, with the thread that made it: a call interrupted by another thread's line is joined to its start.</summary>
    private static IEnumerable<(int Thread, string Call)> Calls(IEnumerable<string> lines)
    {
        var pending = new Dictionary<int, string>();
        foreach (var line in lines)
        {
            if (TraceLine().Match(line) is not { Success: true } parsed)
            {
                continue;
            }

            var thread = int.Parse(parsed.Groups[1].Value, CultureInfo.InvariantCulture);
            var call = parsed.Groups[2].Value;
            if (Resumed().Match(call) is { Success: true } resumed)
            {
                if (pending.Remove(thread, out var start))
                {
                    yield return (thread, start + resumed.Groups[1].Value);
                }
            }
            else if (call.EndsWith("<unfinished ...>", StringComparison.Ordinal))
            {
                pending[thread] = call[..^"<unfinished ...>".Length];
            }
            else
            {
                yield return (thread, call);
            }
        }
    }

    [GeneratedRegex(@"^(\d+)\s+(.*)$")]
    private static partial Regex TraceLine();

    [GeneratedRegex(@"^<\.\.\. \w+ resumed>(.*)$")]
    private static partial Regex Resumed();

    [GeneratedRegex(@"^(?:clone3?|fork|vfork)\(.*\)\s+=\s+(\d+)\s*$")]
    private static partial Regex ProcessStart();

    [GeneratedRegex(@"^execve\(""([^""]+)"".*\)\s+=\s+0\s*$")]
    private static partial Regex Exec();
}
