using System.Security.Claims;

namespace FaqBot.Channels.DirectLine.Authentication;

/// <summary>Who is calling a Direct Line endpoint, as the Direct Line authentication scheme established it.</summary>
/// <param name="IsSecret">A trusted back end holding <see cref="DirectLineOptions.Secret"/>: any conversation.</param>
/// <param name="Grant">A browser holding a token: its one conversation.</param>
public sealed record DirectLineCaller(bool IsSecret, DirectLineGrant? Grant)
{
    /// <summary>The claim of a caller that presented the secret.</summary>
    internal const string SecretClaim = "faqbot:directline-secret";

    /// <summary>The caller the scheme authenticated on this request.</summary>
    public static DirectLineCaller Of(HttpContext context) =>
        From(context.User) ?? throw new InvalidOperationException("The Direct Line endpoint ran without its authorization policy.");

    /// <summary>The caller <paramref name="user"/> stands for; null when it is not a Direct Line caller.</summary>
    internal static DirectLineCaller? From(ClaimsPrincipal user)
    {
        if (user.HasClaim(claim => claim.Type == SecretClaim))
        {
            return new DirectLineCaller(IsSecret: true, Grant: null);
        }

        return user.FindFirst(DirectLineTokenService.ConversationClaim)?.Value is { Length: > 0 } conversationId
            && user.FindFirst(DirectLineTokenService.UserClaim)?.Value is { Length: > 0 } userId
                ? new DirectLineCaller(IsSecret: false, new DirectLineGrant(
                    conversationId,
                    userId,
                    user.FindFirst(DirectLineTokenService.ScopeClaim)?.Value == DirectLineTokenService.StreamScope))
                : null;
    }
}

/// <summary>Marks the WebSocket endpoint, whose token comes in the query (browsers cannot set headers on sockets).</summary>
public sealed class DirectLineStreamEndpointMetadata
{
    /// <summary>Whether the request is for the stream endpoint.</summary>
    internal static bool IsStream(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<DirectLineStreamEndpointMetadata>() is not null;
}
