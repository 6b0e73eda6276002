using System.Security.Claims;
using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.BotChannel.Connector;

namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// A channel JWT whose signature, issuer, audience and lifetime have been validated, read from the authenticated
/// caller. Whether it authorises a given activity also depends on the body (channel id, serviceUrl), which
/// <see cref="Authorizes"/> checks.
/// </summary>
public sealed class ChannelToken
{
    /// <summary>The claim that carries one channel id the signing key is endorsed for.</summary>
    internal const string EndorsementClaim = "faqbot:endorsement";

    internal ChannelToken(TokenIssuerKind issuer, IReadOnlyCollection<string>? endorsements, string? serviceUrlClaim)
    {
        Issuer = issuer;
        Endorsements = endorsements;
        ServiceUrlClaim = serviceUrlClaim;
    }

    /// <summary>The token of a caller the channel scheme authenticated.</summary>
    internal static ChannelToken From(ClaimsPrincipal user)
    {
        var issuer = user.FindFirst("iss")?.Value == ChannelJwtBearerSetup.ChannelIssuer ? TokenIssuerKind.Channels : TokenIssuerKind.Emulator;
        var endorsements = user.FindAll(EndorsementClaim).Select(claim => claim.Value).ToArray();
        var serviceUrl = user.FindFirst("serviceurl")?.Value ?? user.FindFirst("serviceUrl")?.Value;
        return new ChannelToken(issuer, endorsements.Length == 0 ? null : endorsements, serviceUrl);
    }

    /// <summary>Who issued the token.</summary>
    public TokenIssuerKind Issuer { get; }

    /// <summary>The channel ids the signing key is endorsed for; null when the key lists none.</summary>
    public IReadOnlyCollection<string>? Endorsements { get; }

    /// <summary>The token's <c>serviceurl</c> claim, if any.</summary>
    public string? ServiceUrlClaim { get; }

    /// <summary>Why the token does not authorise <paramref name="activity"/>, or null when it does.</summary>
    public string? Authorizes(Activity activity)
    {
        if (Issuer == TokenIssuerKind.Channels)
        {
            // A key endorsed for Teams must not be usable to impersonate another channel, and vice versa.
            if (Endorsements is null || activity.ChannelId is null || !Endorsements.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            {
                return "the signing key is not endorsed for the activity's channel";
            }

            if (ServiceUrlClaim is null)
            {
                return "the token has no serviceurl claim";
            }
        }

        if (ServiceUrlClaim is not null)
        {
            // The SDK compares case-insensitively; this stops a forged activity from redirecting the bot's replies and token.
            if (!string.Equals(ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return "the serviceUrl does not match the token's serviceurl claim";
            }
        }
        else if (activity.ServiceUrl is not null && !ServiceUrlPolicy.IsLoopback(activity.ServiceUrl))
        {
            // Emulator tokens carry no serviceurl claim; nothing vouches for a remote one.
            return "an Emulator token only authorises a loopback serviceUrl";
        }

        return null;
    }

    internal static IReadOnlyCollection<string>? ReadEndorsements(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!)
            .ToArray(),
        IEnumerable<string> strings => strings.ToArray(),
        IEnumerable<object> objects => objects.Select(item => item?.ToString()).OfType<string>().ToArray(),
        _ => null,
    };
}

/// <summary>The issuers whose tokens the bot accepts.</summary>
public enum TokenIssuerKind
{
    /// <summary>Azure Bot Service channels (<c>https://api.botframework.com</c>).</summary>
    Channels,

    /// <summary>Entra ID tokens minted with the bot's own credentials, as the Emulator sends.</summary>
    Emulator,
}
