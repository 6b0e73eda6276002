using FaqBot.Channels.Activities.Schema;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// The route group's authentication policy. With an app id every request needs a channel token that also vouches for
/// the activity's channel and serviceUrl; without one, only anonymous requests are accepted (as the SDK does), and only
/// where <see cref="BotChannelOptions.AllowAnonymous"/> is on.
/// </summary>
public sealed class ChannelAuthenticationFilter(
    IOptions<BotChannelOptions> options,
    ChannelTokenValidator validator,
    ILogger<ChannelAuthenticationFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var authorization = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!options.Value.RequiresAuthentication)
        {
            // A token cannot have this bot as audience when the bot has no id; the SDK refuses it too. Outside local
            // development nobody may talk to the bot anonymously unless the clinic turned it on.
            return string.IsNullOrEmpty(authorization) && options.Value.AllowAnonymous == true
                ? await next(context)
                : Unauthorized(context.HttpContext);
        }

        var token = await validator.ValidateAsync(authorization, context.HttpContext.RequestAborted);
        if (token is null)
        {
            return Unauthorized(context.HttpContext);
        }

        // A body that could not be read has no channel or serviceUrl to check; the endpoint answers it with 400/413.
        var activity = context.Arguments.OfType<BotMessageRequest>().FirstOrDefault()?.Body.Activity;
        if (activity is not null && token.Authorizes(activity) is { } reason)
        {
            logger.LogWarning("Rejected a request to /api/messages: {Reason}", reason);
            return Unauthorized(context.HttpContext);
        }

        return await next(context);
    }

    private static IResult Unauthorized(HttpContext httpContext)
    {
        // The reason is logged, not returned: a caller probing the validator learns nothing from the body.
        httpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Json(ErrorResponse.Of("Unauthorized", "The request is not authorized."), BotJson.Options, statusCode: StatusCodes.Status401Unauthorized);
    }
}
