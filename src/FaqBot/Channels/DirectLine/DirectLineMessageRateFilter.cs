using FaqBot.Channels.DirectLine.Authentication;
using FaqBot.RateLimiting;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// The per-conversation message quota. An endpoint filter, so it runs after the group's
/// authorization policy: a request without a valid token is turned away before it can spend a patient's
/// quota, and the quota is keyed on the token's conversation, never on whatever a URL says.
/// </summary>
public sealed class DirectLineMessageRateFilter(DirectLineRateLimits limits) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = DirectLineCaller.Of(http);
        // A trusted back end holding the secret may post to any conversation; it is limited per conversation it names.
        var conversationId = caller.Grant?.ConversationId
            ?? http.Request.RouteValues[DirectLineAuthentication.ConversationRouteKey] as string
            ?? "";
        using var lease = limits.AcquireMessage(conversationId);
        return lease.IsAcquired ? await next(context) : RateLimitRejection.Result(http.Response, lease);
    }
}
