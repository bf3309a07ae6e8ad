using EvalHarness.Infrastructure;
using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers.OpenAI;

/// <summary><c>openai/&lt;model&gt;</c>: any OpenAI-compatible chat completions endpoint, over HTTP (<see cref="OpenAIChatClient"/>).</summary>
internal sealed class OpenAIModelKind : IModelKind
{
    public static OpenAIModelKind Default { get; } = new();

    public string Name => "openai";

    public string Description => "OpenAI-compatible chat completions endpoints";

    public string KeyVariable => Defaults.OpenAIKeyVariable;

    public IReadOnlyList<ModelForm> Forms { get; } =
    [
        new("openai/<model>", $"any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI v1, vLLM, Ollama, llama.cpp, LM Studio); --base-url or {Defaults.OpenAIBaseUrlVariable}, key from {Defaults.OpenAIKeyVariable} or --api-key-env"),
    ];

    public IModel Create(ModelSpec spec, ModelRequest request)
    {
        var settings = request.Settings;
        var model = spec.Argument ?? string.Empty;
        if (spec.NamesFile || model.Trim().Length == 0)
        {
            throw Invalid(request.Option, "name the model after 'openai/', for example openai/gpt-4o-mini");
        }

        var urlField = settings.BaseUrl is null ? Defaults.OpenAIBaseUrlVariable : request.BaseUrlOption;
        var baseUrlText = settings.BaseUrl ?? settings.Environment(Defaults.OpenAIBaseUrlVariable);
        if (string.IsNullOrWhiteSpace(baseUrlText))
        {
            baseUrlText = OpenAIModelOptions.DefaultBaseUrl;
        }

        var variable = settings.ApiKeyVariable ?? KeyVariable;
        KeyGuard.Refuse(baseUrlText, urlField, [variable], settings.Environment);
        if (!Uri.TryCreate(baseUrlText.Trim(), UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid(urlField, "must be an http:// or https:// URL such as http://127.0.0.1:8000/v1");
        }

        var key = settings.Environment(variable);
        var official = baseUrl.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(key) && (official || settings.ApiKeyVariable is not null))
        {
            throw Invalid(settings.ApiKeyVariable is null ? request.Option : request.KeyOption,
                $"the environment variable {variable} is not set; export the API key in it" + (settings.ApiKeyVariable is null ? $" (or name another variable with {request.KeyOption})" : string.Empty));
        }

        var options = new OpenAIModelOptions
        {
            Model = model,
            BaseUrl = baseUrl,
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
            ApiKeyVariable = variable,
            KeyOption = request.KeyOption,
            Timeout = settings.Timeout,
            Time = settings.Time,
        };
        var info = new ModelInfo(spec.Text, Name, model, EndpointUrl.ForDisplay(baseUrl), Live: true, ModelInfo.LiveLabel);
        return new ChatClientModel(new OpenAIChatClient(options, settings.HttpClient ?? SharedHttp.Client), info);
    }

    private static InvalidInputException Invalid(string field, string message) => new(new Diagnostic("command line", 0, 0, field, message));
}
