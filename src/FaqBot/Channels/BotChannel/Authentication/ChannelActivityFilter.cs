namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// What the token cannot check alone: that it vouches for the activity's channel (the signing key's endorsement) and
/// its serviceUrl. Runs after the body is read; a body that could not be read is the endpoint's 400/413.
/// </summary>
internal sealed class ChannelActivityFilter(ILogger<ChannelActivityFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        var activity = context.Arguments.OfType<BotMessageRequest>().FirstOrDefault()?.Body.Activity;
        // An unauthenticated caller got this far only in anonymous mode, which has no token to compare with.
        if (user.Identity?.IsAuthenticated == true && activity is not null && ChannelToken.From(user).Authorizes(activity) is { } reason)
        {
            logger.LogWarning("Rejected a request to /api/messages: {Reason}", reason);
            return ChannelAuthentication.Unauthorized(context.HttpContext);
        }

        return await next(context);
    }
}
