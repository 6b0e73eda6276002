using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace FaqBot.Tests.BotChannel;

/// <summary>Malformed or oversized bodies get 400/413 with a Bot Framework error body, never 500.</summary>
[Trait("Category", "Integration")]
public sealed class BadRequestTests : IDisposable
{
    private const int MaxRequestBytes = 4096;

    private readonly BotTestHost _factory = new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["BotChannel:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    public static TheoryData<string> MalformedBodies => new()
    {
        "",
        "{bad",
        "[]",
        "null",
        "42",
        "{\"type\":5}",
        "{\"text\":\"hej\"}",
        "{\"type\":\"\"}",
        "{\"type\":\"message\",\"from\":\"not an object\"}",
        "{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"membersAdded\":{}}",
        new string('[', 200) + new string(']', 200),
        "{\"type\":\"message\",\"text\":\"hej\",\"serviceUrl\":\"http://localhost:1/\"}",
        "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"entities\":[{\"type\":\"mention\",\"mentioned\":\"x\"}]}",
        "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"entities\":[null]}",
        "{\"type\":\"conversationUpdate\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"membersAdded\":[null]}",
        "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"channelData\":" + new string('[', 29) + new string(']', 29) + "}",
        "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"channelData\":{\"a\":\"\\ud800\"}}",
        "{\"type\":\"message\",\"text\":\"hej\",\"conversation\":{\"id\":\"" + new string('c', 4000) + "\"},\"deliveryMode\":\"expectReplies\"}",
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task MalformedBodiesGet400WithAJsonError(string body)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("BadArgument", (string?)error!["error"]!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["error"]!["message"]));
    }

    [Fact]
    public async Task AnOversizedBodyWithALengthGets413()
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(OversizedActivity(), Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/messages", content);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task AnOversizedChunkedBodyGets413()
    {
        using var client = _factory.CreateClient();
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(OversizedActivity())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        await AssertTooLargeAsync(response);
    }

    [Fact]
    public async Task WithoutAnAppIdRepliesAreNeverPostedToARemoteServiceUrl()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("hvad er iskias", serviceUrl: "https://attacker.example/", deliveryMode: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_factory.Composer.Messages);
    }

    [Fact]
    public async Task WithoutAnAppIdARequestCarryingATokenGets401()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.e30.");

        using var response = await client.PostAsJsonAsync("/api/messages", Activities.Message("hej"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static string OversizedActivity() =>
        Activities.Message(new string('x', MaxRequestBytes * 2)).ToJsonString();

    private static async Task AssertTooLargeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("MessageSizeTooBig", (string?)error!["error"]!["code"]);
    }
}
