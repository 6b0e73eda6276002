using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Tests.BotChannel;

/// <summary>Inbound JWT validation against a local issuer, as Azure Bot Service does it.</summary>
[Trait("Category", "Integration")]
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private AuthenticatedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await AuthenticatedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task AValidChannelTokenIsAccepted()
    {
        using var response = await _bot.PostAsync(Message("msteams"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Single(body!["activities"]!.AsArray());
        Assert.Contains("hvad er iskias", _bot.Factory.Composer.Messages);
    }

    [Fact]
    public async Task ATokenExpiredWithinTheFiveMinuteSkewIsAccepted()
    {
        var token = _bot.Issuer.ChannelToken(AuthenticatedBot.AppId, _bot.Connector.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2));

        using var response = await _bot.PostAsync(Message("msteams"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnEmulatorTokenIssuedToThisBotIsAcceptedForALoopbackServiceUrl()
    {
        var token = _bot.Issuer.EmulatorToken(AuthenticatedBot.AppId, authorizedParty: AuthenticatedBot.AppId);

        using var response = await _bot.PostAsync(Message("emulator"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "wrong audience", "msteams" },
        { "wrong issuer", "msteams" },
        { "expired", "msteams" },
        { "bad signature", "msteams" },
        { "unknown key", "msteams" },
        { "channel not endorsed", "slack" },
        { "serviceUrl mismatch", "msteams" },
        { "no serviceurl claim", "msteams" },
        { "missing header", "msteams" },
        { "not a bearer token", "msteams" },
        { "emulator token for another app", "emulator" },
        { "garbage", "msteams" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task InvalidOrMissingTokensGet401AndTheMessageIsNotAnswered(string defect, string channelId)
    {
        var issuer = _bot.Issuer;
        var appId = AuthenticatedBot.AppId;
        var serviceUrl = _bot.Connector.ServiceUrl;
        var token = defect switch
        {
            "wrong audience" => issuer.ChannelToken("another-bot", serviceUrl),
            "wrong issuer" => issuer.ChannelToken(appId, serviceUrl, issuer: "https://api.botframework.com.evil.example"),
            "expired" => issuer.ChannelToken(appId, serviceUrl, expires: DateTime.UtcNow.AddMinutes(-6)),
            "bad signature" => issuer.ChannelToken(appId, serviceUrl, signWithImpostorKey: true),
            "unknown key" => issuer.ChannelToken(appId, serviceUrl, signWithImpostorKey: true, keyId: "rotated-away"),
            "channel not endorsed" => _bot.ValidToken(),
            "serviceUrl mismatch" => issuer.ChannelToken(appId, "https://smba.trafficmanager.net/emea/"),
            "no serviceurl claim" => issuer.ChannelToken(appId, serviceUrl: null),
            "emulator token for another app" => issuer.EmulatorToken(appId, authorizedParty: "someone-else"),
            "garbage" => "not.a.jwt",
            _ => null,
        };

        using var response = defect == "not a bearer token"
            ? await PostWithAuthorizationAsync(Message(channelId), $"Basic {Convert.ToBase64String("user:password"u8.ToArray())}")
            : await _bot.PostAsync(Message(channelId), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var error = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Unauthorized", (string?)error!["error"]!["code"]);
        Assert.Empty(_bot.Factory.Composer.Messages);
    }

    [Fact]
    public async Task ABadBodyWithAValidTokenGets400Not401()
    {
        using var content = new StringContent("{bad", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.Authorization = new("Bearer", _bot.ValidToken());

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostWithAuthorizationAsync(JsonObject activity, string authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await _bot.Client.SendAsync(request);
    }

    private JsonObject Message(string channelId) =>
        Activities.Message("hvad er iskias", channelId: channelId, serviceUrl: _bot.Connector.ServiceUrl);
}
