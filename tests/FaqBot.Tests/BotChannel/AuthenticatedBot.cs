using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Tests.BotChannel;

/// <summary>The bot with an app id, trusting a <see cref="TestTokenIssuer"/>, and a <see cref="FakeConnector"/> to reply to.</summary>
public sealed class AuthenticatedBot : IAsyncDisposable
{
    public const string AppId = "8f7b2a4e-0000-4000-8000-000000000001";
    public const string ConnectorToken = "connector-token-from-msal";

    private AuthenticatedBot(TestTokenIssuer issuer, FakeConnector connector, BotApplicationFactory factory)
    {
        Issuer = issuer;
        Connector = connector;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public TestTokenIssuer Issuer { get; }
    public FakeConnector Connector { get; }
    public BotApplicationFactory Factory { get; }
    public HttpClient Client { get; }

    public static async Task<AuthenticatedBot> StartAsync()
    {
        var issuer = new TestTokenIssuer();
        await issuer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var factory = new BotApplicationFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = AppId,
                ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
                ["BotOpenIdMetadata"] = issuer.ChannelMetadataUrl,
                ["BotChannel:EmulatorOpenIdMetadata"] = issuer.EmulatorMetadataUrl,
            },
            ConnectorTokens = new FixedConnectorTokens(ConnectorToken),
        };
        return new AuthenticatedBot(issuer, connector, factory);
    }

    /// <summary>POSTs <paramref name="activity"/> with <paramref name="token"/> (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A valid channel token for an activity sent to the fake Connector.</summary>
    public string ValidToken() => Issuer.ChannelToken(AppId, Connector.ServiceUrl);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
