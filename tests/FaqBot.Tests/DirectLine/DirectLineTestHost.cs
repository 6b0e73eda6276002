using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;
using FaqBot.Conversation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Tests.DirectLine;

/// <summary>The real server (Program) on Kestrel at 127.0.0.1 and a free port, optionally with a test composer.</summary>
public sealed class DirectLineTestHost : WebApplicationFactory<Program>
{
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS0zMi1ieXRlcy1sb25nLSEhIQ==";

    /// <summary>Settings on top of the defaults.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The composer to serve; null keeps the real one.</summary>
    public IReplyComposer? Composer { get; init; } = new ChatTestComposer();

    /// <summary><c>http://127.0.0.1:{port}</c>, no trailing slash.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new Uri(address.TrimEnd('/'));
        }
    }

    public static async Task<DirectLineTestHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool realComposer = false, IReplyComposer? composer = null)
    {
        var host = new DirectLineTestHost
        {
            Settings = settings ?? new Dictionary<string, string?>(),
            Composer = realComposer ? null : composer ?? new ChatTestComposer(),
        };
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        await Task.CompletedTask;
        return host;
    }

    /// <summary>A plain HTTP client against the loopback server.</summary>
    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DirectLine:TokenSigningKey"] = SigningKey,
                ["DirectLine:TokenRequestsPerMinute"] = "1000",
                ["DirectLine:MessagesPerMinute"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
                // A fake composer never consults the learned second opinion: do not spend a test's CPU loading it.
                ["Triage:LearnedSecondOpinion"] = Composer is null ? null : "false",
            })
            .AddInMemoryCollection(Settings));
        builder.ConfigureTestServices(services =>
        {
            if (Composer is not null)
            {
                services.RemoveAll<IReplyComposer>();
                services.AddSingleton(Composer);
            }
        });
    }
}

/// <summary>A Direct Line client over HTTP, as DirectLineJS would call it.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public string Token { get; private set; } = "";
    public string ConversationId { get; private set; } = "";
    public string? StreamUrl { get; private set; }
    public string UserId { get; private set; } = "";

    public HttpClient Http => http;

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

/// <summary>A clock the test sets, for stores and limiters that are tested without waiting.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
