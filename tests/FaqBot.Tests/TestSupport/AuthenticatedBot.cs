using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Tests.TestSupport;

/// <summary>The bot with an app id, trusting a <see cref="TestTokenIssuer"/>, and a <see cref="FakeConnector"/> to reply to.</summary>
public sealed class AuthenticatedBot : IAsyncDisposable
{
    public const string AppId = "8f7b2a4e-0000-4000-8000-000000000001";
    public const string ConnectorToken = "connector-token-from-msal";

    private AuthenticatedBot(TestTokenIssuer issuer, FakeConnector connector, BotTestHost factory)
    {
        Issuer = issuer;
        Connector = connector;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public TestTokenIssuer Issuer { get; }
    public FakeConnector Connector { get; }
    public BotTestHost Factory { get; }
    public HttpClient Client { get; }

    /// <summary>
    /// Starts issuer, Connector and bot. With <paramref name="tokenService"/> the bot gets its outbound token from it
    /// through MSAL; otherwise from a fixed token provider.
    /// </summary>
    public static async Task<AuthenticatedBot> StartAsync(FakeTokenService? tokenService = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var issuer = new TestTokenIssuer();
        await issuer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        var allSettings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "app-password",
            ["BotOpenIdMetadata"] = issuer.ChannelMetadataUrl,
            ["BotChannel:EmulatorOpenIdMetadata"] = issuer.EmulatorMetadataUrl,
        };
        if (tokenService is not null)
        {
            allSettings["BotChannel:OAuthAuthorityHost"] = tokenService.AuthorityHost;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            allSettings[key] = value;
        }

        var factory = new BotTestHost
        {
            Settings = allSettings,
            ConnectorTokens = tokenService is null ? new FixedConnectorTokens(ConnectorToken) : null,
            ConfigureServices = tokenService is null
                ? null
                : services => services.AddHttpClient("msal").ConfigurePrimaryHttpMessageHandler(tokenService.CreateTrustingHandler),
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
