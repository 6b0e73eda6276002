using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.LoadTest;

/// <summary>The HTTP half of Direct Line as the chat page uses it: page token, conversation start, posting messages.</summary>
internal sealed class DirectLineApi(HttpClient http, Uri server)
{
    /// <summary>The chat page's own origin, which the server allows for tokens and sockets.</summary>
    public string Origin { get; } = server.GetLeftPart(UriPartial.Authority);

    /// <summary><c>POST /api/directline/token</c>, as the Web Chat page does.</summary>
    public async Task<string> PageTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/api/directline/token"));
        request.Headers.Add("Origin", Origin);
        using var response = await SendAsync(request, "token", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["token"]?.GetValue<string>() ?? throw new LoadFailure("token: no token in the response");
    }

    /// <summary><c>POST /v3/directline/conversations</c>: the conversation, its token and <c>streamUrl</c>.</summary>
    public async Task<StartedConversation> StartAsync(string pageToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "/v3/directline/conversations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pageToken);
        request.Headers.Add("Origin", Origin);
        using var response = await SendAsync(request, "start", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        var id = body?["conversationId"]?.GetValue<string>();
        var token = body?["token"]?.GetValue<string>();
        var streamUrl = body?["streamUrl"]?.GetValue<string>();
        return id is null || token is null || streamUrl is null
            ? throw new LoadFailure("start: conversationId, token or streamUrl missing")
            : new StartedConversation(id, token, new Uri(streamUrl));
    }

    /// <summary>The conversation's <c>streamUrl</c> on this server (the token in it is valid on every replica).</summary>
    public Uri StreamUrlOf(StartedConversation conversation) =>
        new UriBuilder(conversation.StreamUrl) { Host = server.Host, Port = server.Port }.Uri;

    /// <summary>Posts a patient's message; returns the id the server gave it (its echo on the stream has the same id).</summary>
    public async Task<string> PostMessageAsync(StartedConversation conversation, string text, string clientActivityId, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "dl_load", ["role"] = "user" },
            ["locale"] = "da-DK",
            ["textFormat"] = "plain",
            ["text"] = text,
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        };
        var path = $"/v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/activities";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        request.Headers.Add("Origin", Origin);
        using var response = await SendAsync(request, "post", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["id"]?.GetValue<string>() ?? throw new LoadFailure("post: no id in the response");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string step, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new LoadFailure($"{step}: {exception.HttpRequestError}");
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new LoadFailure($"{step}: HTTP {status}");
        }

        return response;
    }
}

/// <summary>A started conversation: its id, the token to post with, and the WebSocket to read from.</summary>
internal sealed record StartedConversation(string Id, string Token, Uri StreamUrl);

/// <summary>A step of the run failed; the message names the step and the status, never a patient's text.</summary>
internal sealed class LoadFailure(string message) : Exception(message);

