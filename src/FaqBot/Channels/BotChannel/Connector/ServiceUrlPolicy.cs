using System.Net;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>Decides whether the bot may call a <c>serviceUrl</c>; the bot's token must never go to a host a caller picked.</summary>
public static class ServiceUrlPolicy
{
    /// <summary>Whether <paramref name="serviceUrl"/> is an absolute http(s) URL on this machine.</summary>
    public static bool IsLoopback(string? serviceUrl) =>
        TryParse(serviceUrl, out var uri) && IsLoopback(uri);

    /// <summary>Whether <paramref name="serviceUrl"/> is an absolute http(s) URL.</summary>
    public static bool TryParse(string? serviceUrl, out Uri uri)
    {
        if (Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(parsed.UserInfo))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>
    /// Whether replies may be POSTed to <paramref name="serviceUrl"/>. With an app id the filter has already matched it to
    /// the token's <c>serviceurl</c> claim; without one nobody vouched for it, so only loopback (the Emulator) is allowed.
    /// </summary>
    public static bool MayDeliverTo(string? serviceUrl, BotChannelOptions options) =>
        TryParse(serviceUrl, out var uri) && (options.RequiresAuthentication || IsLoopback(uri));

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
