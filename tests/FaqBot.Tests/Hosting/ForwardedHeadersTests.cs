using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine;
using FaqBot.Tests.DirectLine;

namespace FaqBot.Tests.Hosting;

/// <summary>
/// Behind a TLS reverse proxy: a trusted proxy's X-Forwarded-Proto/-For/-Host give <c>wss://</c> stream URLs, the
/// right origin check and per-client limits; an untrusted sender's forwarded headers are ignored.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ForwardedHeadersTests
{
    private const string PublicOrigin = "https://bot.klinik.example.dk";

    [Fact]
    public async Task ThroughATrustedProxyThePageOriginIsHttpsAndTheStreamUrlIsWss()
    {
        await using var host = await BotTestHost.StartAsync();
        using var http = host.NewClient();

        using var tokenResponse = await http.SendAsync(Proxied(HttpMethod.Post, DirectLineEndpoints.TokenPath, "203.0.113.7"));
        tokenResponse.EnsureSuccessStatusCode();
        var page = (await tokenResponse.Content.ReadFromJsonAsync<WebChatTokenResponse>(BotJson.Options))!;
        var start = Proxied(HttpMethod.Post, "/v3/directline/conversations", "203.0.113.7");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", page.Token);
        using var started = await http.SendAsync(start);
        var conversation = (await started.Content.ReadFromJsonAsync<DirectLineConversationResponse>(BotJson.Options))!;

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.StartsWith("wss://bot.klinik.example.dk/v3/directline/conversations/", conversation.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThroughATrustedProxyEachClientHasItsOwnTokenLimit()
    {
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?> { ["DirectLine:TokenRequestsPerMinute"] = "2" });
        using var http = host.NewClient();

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.SendAsync(Proxied(HttpMethod.Post, DirectLineEndpoints.TokenPath, "203.0.113.7"));
            first.Add(response.StatusCode);
        }

        using var other = await http.SendAsync(Proxied(HttpMethod.Post, DirectLineEndpoints.TokenPath, "198.51.100.9"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task AnUntrustedSendersForwardedHeadersAreIgnored()
    {
        // Only 192.0.2.10 is a proxy now; the test client on loopback is an ordinary client.
        await using var host = await BotTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.10",
            ["DirectLine:TokenRequestsPerMinute"] = "2",
        });
        using var http = host.NewClient();

        using var fromPage = await http.SendAsync(Proxied(HttpMethod.Post, DirectLineEndpoints.TokenPath, "203.0.113.7"));
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            var request = Proxied(HttpMethod.Post, DirectLineEndpoints.TokenPath, client);
            request.Headers.Remove("Origin");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        // The origin check saw http://127.0.0.1:port, not the forwarded https host; and all "clients" shared one limit.
        Assert.Equal(HttpStatusCode.Forbidden, fromPage.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>A request as the clinic's TLS proxy passes it on, from a page on the bot's own public host.</summary>
    private static HttpRequestMessage Proxied(HttpMethod method, string path, string clientAddress)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", PublicOrigin);
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "bot.klinik.example.dk");
        return request;
    }
}
