using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;

namespace FaqBot.Tests.TestSupport;

/// <summary>A Direct Line client over HTTP, as DirectLineJS would call it.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public string Token { get; private set; } = "";
    public string ConversationId { get; private set; } = "";
    public string? StreamUrl { get; private set; }
    public string UserId { get; private set; } = "";

    public HttpClient Http => http;

    /// <summary>The same conversation and token over <paramref name="other"/> (another replica behind the load balancer).</summary>
    public DirectLineTestClient Via(HttpClient other) =>
        new(other) { Token = Token, ConversationId = ConversationId, StreamUrl = StreamUrl, UserId = UserId };

    /// <summary>Gets a page token and starts its conversation, like the chat page.</summary>
    public async Task StartAsync()
    {
        using var tokenResponse = await http.PostAsync("/api/directline/token", null);
        tokenResponse.EnsureSuccessStatusCode();
        var page = (await tokenResponse.Content.ReadFromJsonAsync<WebChatTokenResponse>(BotJson.Options))!;
        Token = page.Token;
        using var start = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", new { locale = "da-DK" });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var conversation = (await start.Content.ReadFromJsonAsync<DirectLineConversationResponse>(BotJson.Options))!;
        ConversationId = conversation.ConversationId;
        Token = conversation.Token;
        StreamUrl = conversation.StreamUrl;
        Assert.Equal(page.ConversationId, ConversationId);
    }

    /// <summary>Posts a message as Web Chat does (with a clientActivityID) and returns the assigned id.</summary>
    public async Task<string> SendAsync(string text, string? clientActivityId = null)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new
        {
            type = "message",
            text,
            locale = "da-DK",
            from = new { id = "r_webchat", role = "user" },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DirectLineResourceResponse>(BotJson.Options))!.Id;
    }

    public async Task<DirectLineActivitySet> GetActivitiesAsync(string? watermark)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DirectLineActivitySet>(BotJson.Options))!;
    }

    /// <summary>Polls until <paramref name="done"/> holds for everything received since the start.</summary>
    public async Task<List<Activity>> PollUntilAsync(Func<List<Activity>, bool> done, TimeSpan? timeout = null)
    {
        var all = new List<Activity>();
        string? watermark = null;
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!done(all))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; received {all.Count} activities.");
            var set = await GetActivitiesAsync(watermark);
            all.AddRange(set.Activities);
            watermark = set.Watermark;
            await Task.Delay(50);
        }

        return all;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: BotJson.Options);
        }

        return http.SendAsync(request);
    }
}

/// <summary>Helpers for tests that act with a specific token.</summary>
public static class DirectLineTestClientExtensions
{
    /// <summary>
    /// The conversation's activities read with <paramref name="token"/>, once there is at least one: the welcome is
    /// posted by the bot's turn in the background, so right after the start it may not be there yet.
    /// </summary>
    public static async Task<DirectLineActivitySet> WaitForActivitiesWithAsync(this DirectLineTestClient client, string conversationId, string token)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var set = await client.GetActivitiesWithAsync(conversationId, token);
            if (set.Activities.Count > 0 || DateTime.UtcNow > deadline)
            {
                return set;
            }

            await Task.Delay(50);
        }
    }

    public static async Task<DirectLineActivitySet> GetActivitiesWithAsync(this DirectLineTestClient client, string conversationId, string token)
    {
        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", null, token);
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<DirectLineActivitySet>(response.Content, BotJson.Options))!;
    }
}
