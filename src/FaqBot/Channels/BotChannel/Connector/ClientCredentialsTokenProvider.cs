using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>
/// MultiTenant and SingleTenant bots: a client-credentials token for the Connector scope. MSAL's in-memory app cache
/// returns the same token until shortly before it expires, so calling this per request is cheap.
/// </summary>
internal sealed class ClientCredentialsTokenProvider : IConnectorTokenProvider
{
    // The legacy multi-tenant authority Azure Bot Service registers MultiTenant bots in.
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    public ClientCredentialsTokenProvider(IOptions<BotChannelOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var settings = options.Value;
        var tenant = settings.AppType == BotAppType.SingleTenant ? settings.AppTenantId! : MultiTenantAuthorityTenant;
        // Entra's instance discovery only knows Microsoft's hosts; an explicitly configured other host (a sovereign
        // cloud proxy, a test STS) is trusted as configured.
        var isEntraHost = new Uri(settings.OAuthAuthorityHost).Host.EndsWith("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        _application = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            .WithAuthority($"{settings.OAuthAuthorityHost.TrimEnd('/')}/{tenant}", validateAuthority: isEntraHost)
            .WithInstanceDiscovery(isEntraHost)
            .WithHttpClientFactory(httpClientFactory)
            .Build();
        _scopes = [settings.ConnectorScope];
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
