using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>UserAssignedMSI bots: a token from the App Service identity whose client id is the bot's app id.</summary>
internal sealed class ManagedIdentityTokenProvider : IConnectorTokenProvider
{
    private readonly IManagedIdentityApplication _application;
    private readonly string _resource;

    public ManagedIdentityTokenProvider(IOptions<BotChannelOptions> options, IMsalHttpClientFactory httpClientFactory)
    {
        var settings = options.Value;
        _application = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(settings.AppId))
            .WithHttpClientFactory(httpClientFactory)
            .Build();
        // Managed identity asks for a resource, not a scope.
        _resource = settings.ConnectorScope.EndsWith("/.default", StringComparison.Ordinal)
            ? settings.ConnectorScope[..^"/.default".Length]
            : settings.ConnectorScope;
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForManagedIdentity(_resource).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }
}
