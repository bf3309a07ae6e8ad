using EvalHarness.Infrastructure;
using EvalHarness.Suites;
using EvalHarness.Providers.Mock;
using EvalHarness.Providers.OpenAI;
using EvalHarness.Providers.Replay;
using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers;

/// <summary>Builds the target named by <c>--model</c>. Unusable specs are input errors (exit code 2).</summary>
public static class ModelFactory
{
    private const string Source = "command line";
    private const string Field = "--model";

    /// <summary>The forms <c>--model</c> accepts, for <c>evalh list models</c> and help.</summary>
    public static IReadOnlyList<(string Form, string Description)> Forms { get; } =
    [
        ("openai/<model>", "any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI v1, vLLM, Ollama, llama.cpp, LM Studio); --base-url or OPENAI_BASE_URL, key from OPENAI_API_KEY or --api-key-env"),
        ("replay:<file.jsonl>", "score recorded responses without calling a model; lines {\"id\", \"epoch\", \"output\"}"),
        ("demo", "the demo recordings bundled with each suite (replay; not a live model)"),
        ("mock", "echoes the prompt back; for trying suites and pipelines without a model"),
    ];

    /// <param name="spec">The value of <c>--model</c>.</param>
    /// <param name="settings">Endpoint, credentials and timeouts for live targets.</param>
    /// <param name="suites">The suites of the run: demo reads their recordings, replay checks its ids against them.</param>
    /// <param name="warnings">Receives problems that do not stop the run, such as recordings no sample uses.</param>
    public static IModel Create(string spec, ModelSettings settings, IReadOnlyList<Suite> suites, DiagnosticBag? warnings = null)
    {
        // Before anything else reads the spec: it goes into messages, the run directory's name, the log,
        // every report and the cache, so a key pasted into it would be written everywhere.
        RefuseKey(spec, Field, settings);
        if (spec.StartsWith("openai/", StringComparison.Ordinal))
        {
            return CreateOpenAI(spec, spec["openai/".Length..], settings);
        }

        if (spec.StartsWith("replay:", StringComparison.Ordinal))
        {
            return CreateReplay(spec["replay:".Length..], suites, warnings);
        }

        return spec switch
        {
            "demo" => CreateDemo(suites, warnings),
            "mock" => MockModel.Echo(),
            _ => throw Invalid($"'{spec}' is not a model; use one of: {string.Join(", ", Forms.Select(f => f.Form))}"),
        };
    }

    private static ChatClientModel CreateOpenAI(string spec, string model, ModelSettings settings)
    {
        if (model.Trim().Length == 0)
        {
            throw Invalid("name the model after 'openai/', for example openai/gpt-4o-mini");
        }

        var baseUrlText = settings.BaseUrl ?? settings.Environment("OPENAI_BASE_URL");
        if (string.IsNullOrWhiteSpace(baseUrlText))
        {
            baseUrlText = OpenAIModelOptions.DefaultBaseUrl;
        }

        RefuseKey(baseUrlText, settings.BaseUrl is null ? "OPENAI_BASE_URL" : "--base-url", settings);
        if (!Uri.TryCreate(baseUrlText.Trim(), UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidInputException(new Diagnostic(Source, 0, 0, settings.BaseUrl is null ? "OPENAI_BASE_URL" : "--base-url",
                "must be an http:// or https:// URL such as http://127.0.0.1:8000/v1"));
        }

        var variable = settings.ApiKeyVariable ?? "OPENAI_API_KEY";
        var key = settings.Environment(variable);
        var official = baseUrl.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(key) && (official || settings.ApiKeyVariable is not null))
        {
            throw new InvalidInputException(new Diagnostic(Source, 0, 0, settings.ApiKeyVariable is null ? Field : "--api-key-env",
                $"the environment variable {variable} is not set; export the API key in it" + (settings.ApiKeyVariable is null ? " (or name another variable with --api-key-env)" : string.Empty)));
        }

        var options = new OpenAIModelOptions
        {
            Model = model,
            BaseUrl = baseUrl,
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
            ApiKeyVariable = variable,
            Timeout = settings.Timeout,
            Time = settings.Time,
        };
        var info = new ModelInfo(spec, "openai", model, EndpointUrl.ForDisplay(baseUrl), Live: true, ModelInfo.LiveLabel);
        return new ChatClientModel(new OpenAIChatClient(options, settings.HttpClient ?? SharedHttp.Client), info);
    }

    private static ReplayModel CreateReplay(string path, IReadOnlyList<Suite> suites, DiagnosticBag? warnings)
    {
        if (path.Trim().Length == 0)
        {
            throw Invalid("name the recordings file after 'replay:', for example replay:answers.jsonl");
        }

        var diagnostics = new DiagnosticBag();
        var recordings = RecordingFile.Read(path, diagnostics);
        diagnostics.ThrowIfErrors();
        var info = new ModelInfo("replay:" + DisplayPaths.For(path), "replay", null, null, Live: false, "recorded responses, not a live model");
        var target = new ReplayModel(info, recordings, diagnostics);
        diagnostics.ThrowIfErrors();
        Warn(recordings, suites, warnings);
        return target;
    }

    private static ReplayModel CreateDemo(IReadOnlyList<Suite> suites, DiagnosticBag? warnings)
    {
        var diagnostics = new DiagnosticBag();
        var recordings = new List<Recording>();
        foreach (var suite in suites)
        {
            if (suite.DemoRecordings is null)
            {
                diagnostics.Error(suite.Path, 0, 0, "demo_recordings", $"suite '{suite.Name}' ships no demo recordings, so it cannot run with --model demo");
                continue;
            }

            recordings.AddRange(RecordingFile.Read(suite.DemoRecordings, diagnostics, suite.Name));
        }

        diagnostics.ThrowIfErrors();
        var info = new ModelInfo("demo", "replay", null, null, Live: false, ModelInfo.DemoLabel);
        var target = new ReplayModel(info, recordings, diagnostics);
        diagnostics.ThrowIfErrors();
        Warn(recordings, suites, warnings);
        return target;
    }

    private static void Warn(List<Recording> recordings, IReadOnlyList<Suite> suites, DiagnosticBag? warnings)
    {
        if (warnings is not null)
        {
            UnusedRecordings.Warn(recordings, suites, warnings);
        }
    }

    /// <summary>
    /// Refuses <paramref name="text"/> (a target spec or base URL, as typed or %-decoded) that holds the
    /// configured API key or a long part of it; the message names the variable, never the text. Other
    /// places that parse a target spec (judges, further targets) call this too.
    /// </summary>
    public static void RefuseKey(string text, string field, ModelSettings settings)
    {
        var variable = settings.ApiKeyVariable ?? "OPENAI_API_KEY";
        var key = settings.Environment(variable);

        // Short keys are placeholders for servers that check none ("EMPTY", "ollama") and collide with host
        // and model names; they are still masked in output, but refusing them would refuse working setups.
        if (key is { Length: >= Redaction.FragmentLength } && (Redaction.Contains(text, key) || Redaction.Contains(Decoded(text), key)))
        {
            throw new InvalidInputException(new Diagnostic(Source, 0, 0, field,
                $"contains the API key from {variable} (or a long part of it); the key is read from {variable} only, so leave it out here: this value is written to the console, the run log, every report and the cache"));
        }
    }

    private static string Decoded(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static InvalidInputException Invalid(string message) => new(new Diagnostic(Source, 0, 0, Field, message));
}
