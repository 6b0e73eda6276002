using Microsoft.Identity.Client;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>Lets MSAL use the host's <see cref="IHttpClientFactory"/> (pooled handlers, test-replaceable).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string ClientName = "msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(ClientName);
}
