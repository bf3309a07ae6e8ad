using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Anthropic;

/// <summary><c>anthropic/&lt;model&gt;</c>: the Anthropic Messages API, or a server that speaks it, over HttpClient (see <see cref="AnthropicChatClient"/>).</summary>
internal sealed class AnthropicModelKind : IModelKind
{
    public static AnthropicModelKind Default { get; } = new();

    public string Name => "anthropic";

    public string Description => "the Anthropic Messages API and servers that speak it";

    public string KeyVariable => AnthropicModelOptions.KeyVariable;

    public IReadOnlyList<ModelForm> Forms { get; } =
    [
        new("anthropic/<model>", $"the Anthropic Messages API (api.anthropic.com or a compatible server); --base-url (the API root, without /v1) or {AnthropicModelOptions.BaseUrlVariable}, key from {AnthropicModelOptions.KeyVariable} or --api-key-env"),
    ];

    public IModel Create(ModelSpec spec, ModelRequest request)
    {
        var settings = request.Settings;
        var model = spec.Argument ?? string.Empty;
        if (spec.NamesFile || model.Trim().Length == 0)
        {
            throw Invalid(request.Option, "name the model after 'anthropic/', for example anthropic/claude-sonnet-4-5");
        }

        var urlField = settings.BaseUrl is null ? AnthropicModelOptions.BaseUrlVariable : request.BaseUrlOption;
        var baseUrlText = settings.BaseUrl ?? settings.Environment(AnthropicModelOptions.BaseUrlVariable);
        if (string.IsNullOrWhiteSpace(baseUrlText))
        {
            baseUrlText = AnthropicModelOptions.DefaultBaseUrl;
        }

        var variable = settings.ApiKeyVariable ?? KeyVariable;
        KeyGuard.Refuse(baseUrlText, urlField, [variable], settings.Environment);
        if (!Uri.TryCreate(baseUrlText.Trim(), UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw Invalid(urlField, "must be an http:// or https:// URL such as http://127.0.0.1:4000 (the API root, without /v1)");
        }

        var key = settings.Environment(variable);
        var official = baseUrl.Host.Equals("api.anthropic.com", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(key) && (official || settings.ApiKeyVariable is not null))
        {
            throw Invalid(settings.ApiKeyVariable is null ? request.Option : request.KeyOption,
                $"the environment variable {variable} is not set; export the API key in it" + (settings.ApiKeyVariable is null ? $" (or name another variable with {request.KeyOption})" : string.Empty));
        }

        var options = new AnthropicModelOptions
        {
            Model = model,
            BaseUrl = baseUrl,
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
            ApiKeyVariable = variable,
            KeyOption = request.KeyOption,
            BaseUrlOption = request.BaseUrlOption,
            Timeout = settings.Timeout,
            Time = settings.Time,
        };
        var info = new ModelInfo(spec.Text, Name, model, EndpointUrl.ForDisplay(baseUrl), Live: true, ModelInfo.LiveLabel);
        return new ChatClientModel(new AnthropicChatClient(options, settings.HttpClient), info);
    }

    private static InvalidInputException Invalid(string field, string message) => new(new Diagnostic("command line", 0, 0, field, message));
}
