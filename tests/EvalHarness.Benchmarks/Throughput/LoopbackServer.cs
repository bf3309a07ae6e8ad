using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// <c>serve --latency MS --answer target|judge</c>: an OpenAI-compatible endpoint with a fixed latency, run as
/// its own process so that the harness's CPU time and memory are its own. It prints its base URL, then reads
/// commands from stdin: <c>stats</c> prints <see cref="ServerStats.TakeLine"/>; end of input stops it.
/// </summary>
internal static class LoopbackServer
{
    private static readonly byte[] TargetAnswer = """
        {"id":"chatcmpl-bench","object":"chat.completion","created":1700000000,"model":"bench","choices":[{"index":0,"message":{"role":"assistant","content":"ANSWER: 42"},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":3,"total_tokens":43}}
        """u8.ToArray();

    /// <summary>A verdict of the built-in <c>equivalence</c> rubric, ending as it asks: a last line <c>GRADE: C</c>.</summary>
    private static readonly byte[] JudgeAnswer = """
        {"id":"chatcmpl-judge","object":"chat.completion","created":1700000000,"model":"judge","choices":[{"index":0,"message":{"role":"assistant","content":"The answer states 42, which is the reference answer; the wording differs only in form.\nGRADE: C"},"finish_reason":"stop"}],"usage":{"prompt_tokens":600,"completion_tokens":24,"total_tokens":624}}
        """u8.ToArray();

    public static async Task<int> ServeAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(double.Parse(Value(args, "--latency") ?? "0", CultureInfo.InvariantCulture));
        var body = (Value(args, "--answer") ?? "target") switch
        {
            "target" => TargetAnswer,
            "judge" => JudgeAnswer,
            var other => throw new ArgumentException($"serve: --answer must be target or judge, not '{other}'"),
        };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxConcurrentConnections = null;
            k.AddServerHeader = false;
        });
        await using var app = builder.Build();
        using var clock = new PreciseDelay();
        var stats = new ServerStats();
        app.MapPost("/v1/chat/completions", async context =>
        {
            stats.Arrived();
            // Drain the request as a real server would, without the cost of parsing it.
            await context.Request.Body.CopyToAsync(Stream.Null);
            if (latency > TimeSpan.Zero)
            {
                await clock.Wait(latency);
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
            await context.Response.CompleteAsync();
            stats.Answered();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(address);
        Console.Out.Flush();
        await Commands(stats);
        await app.StopAsync();
        return 0;
    }

    /// <summary>Stdin is read on a thread of its own: a blocking console read must not hold a pool thread the server needs.</summary>
    private static Task Commands(ServerStats stats)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            while (Console.ReadLine() is { } line)
            {
                if (line.Trim() == "stats")
                {
                    Console.WriteLine(stats.TakeLine());
                    Console.Out.Flush();
                }
            }

            done.SetResult();
        }) { IsBackground = true, Name = "server-commands" }.Start();
        return done.Task;
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
