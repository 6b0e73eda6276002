using FaqBot.Channels.BotChannel.Connector;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// The cached OpenID metadata (issuer, signing keys with endorsements) of the two token issuers the bot trusts.
/// IdentityModel refreshes it every 12 h and, on an unknown key id, at most every 5 min.
/// </summary>
public sealed class ChannelOpenIdMetadata
{
    public ChannelOpenIdMetadata(IOptions<BotChannelOptions> options, IHttpClientFactory httpClientFactory)
    {
        var settings = options.Value;
        var httpClient = httpClientFactory.CreateClient(nameof(ChannelOpenIdMetadata));
        Channels = Create(settings.ChannelOpenIdMetadataUrl, httpClient);
        Emulator = Create(settings.EmulatorOpenIdMetadataUrl, httpClient);
    }

    /// <summary>Metadata of <c>https://api.botframework.com</c>, the issuer of channel tokens.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration> Channels { get; }

    /// <summary>Metadata of Entra ID, the issuer of Emulator tokens.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration> Emulator { get; }

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl, HttpClient httpClient) =>
        new(
            metadataUrl,
            new OpenIdConnectConfigurationRetriever(),
            // Plain http is only tolerated for a local test issuer.
            new HttpDocumentRetriever(httpClient) { RequireHttps = !ServiceUrlPolicy.IsLoopback(metadataUrl) });
}
