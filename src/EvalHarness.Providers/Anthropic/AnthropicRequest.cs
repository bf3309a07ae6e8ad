using System.Text;
using System.Text.Json;
using global::Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace EvalHarness.Providers.Anthropic;

/// <summary>A conversation and its settings as one Messages API request.</summary>
internal static class AnthropicRequest
{
    private const string Separator = "\n\n";

    public static MessageCreateParams Create(string model, IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var system = new List<string>();
        var turns = new List<(ChatRole Role, StringBuilder Text)>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                // The Messages API has no system turns: instructions go in the separate system parameter.
                system.Add(message.Text);
                continue;
            }

            var role = message.Role == ChatRole.Assistant ? ChatRole.Assistant : ChatRole.User;
            if (turns.Count > 0 && turns[^1].Role == role)
            {
                // The API expects user and assistant turns to alternate.
                turns[^1].Text.Append(Separator).Append(message.Text);
            }
            else
            {
                turns.Add((role, new StringBuilder(message.Text)));
            }
        }

        var request = new MessageCreateParams
        {
            Model = model,
            MaxTokens = options?.MaxOutputTokens ?? AnthropicModelOptions.DefaultMaxTokens,
            Messages = [.. turns.Select(t => ToParam(t.Role, t.Text.ToString()))],
        };
        if (system.Count > 0)
        {
            request = request with { System = string.Join(Separator, system) };
        }

        if (options?.StopSequences is { Count: > 0 } stop)
        {
            request = request with { StopSequences = [.. stop] };
        }

        return WithSampling(request, options);
    }

    /// <summary>
    /// This SDK version no longer types temperature and top_p, while the API and compatible servers still
    /// read them: they are added to the body as the API names them, and only when the suite sets them.
    /// The seed has no Messages API equivalent and is not sent.
    /// </summary>
    private static MessageCreateParams WithSampling(MessageCreateParams request, ChatOptions? options)
    {
        if (options?.Temperature is null && options?.TopP is null)
        {
            return request;
        }

        var body = new Dictionary<string, JsonElement>(request.RawBodyData, StringComparer.Ordinal);
        if (options.Temperature is { } temperature)
        {
            body["temperature"] = JsonSerializer.SerializeToElement(temperature);
        }

        if (options.TopP is { } topP)
        {
            body["top_p"] = JsonSerializer.SerializeToElement(topP);
        }

        return MessageCreateParams.FromRawUnchecked(request.RawHeaderData, request.RawQueryData, body);
    }

    private static MessageParam ToParam(ChatRole role, string text) => role == ChatRole.Assistant
        ? new MessageParam(new AssistantMessageParam(new MessageContentParam(text, null)), null)
        : new MessageParam(new UserMessageParam(new MessageContentParam(text, null)), null);
}
