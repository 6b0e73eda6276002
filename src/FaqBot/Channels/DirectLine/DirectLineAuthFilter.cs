using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// The Direct Line authorization policy, applied once to the whole route group: a bearer token (or the server-side
/// secret) is required, an expired or forged token gets 401, and a token used for another conversation gets 403.
/// </summary>
public sealed class DirectLineAuthFilter(DirectLineTokenService tokens) : IEndpointFilter
{
    public const string ConversationRouteKey = "conversationId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var isStream = http.GetEndpoint()?.Metadata.GetMetadata<DirectLineStreamEndpointMetadata>() is not null;
        var bearer = isStream ? http.Request.Query["t"].ToString() : BearerOf(http.Request);
        if (string.IsNullOrEmpty(bearer))
        {
            return Error(StatusCodes.Status401Unauthorized, "BadArgument", "A Direct Line token is required.");
        }

        DirectLineCaller caller;
        if (!isStream && tokens.IsSecret(bearer))
        {
            caller = new DirectLineCaller(IsSecret: true, Grant: null);
        }
        else
        {
            var (status, grant) = await tokens.ValidateAsync(bearer);
            switch (status)
            {
                case DirectLineTokenStatus.Expired:
                    return Error(StatusCodes.Status401Unauthorized, "TokenExpired", "The token has expired.");
                case DirectLineTokenStatus.Invalid:
                    return Error(StatusCodes.Status401Unauthorized, "BadArgument", "The token is not valid.");
            }

            // A stream token sits in a URL, so it may only open the stream it was made for.
            if (grant!.IsStreamToken != isStream)
            {
                return Error(StatusCodes.Status403Forbidden, "Forbidden", "This token cannot be used here.");
            }

            caller = new DirectLineCaller(IsSecret: false, grant);
        }

        if (http.Request.RouteValues.TryGetValue(ConversationRouteKey, out var routeValue)
            && caller.Grant is { } scoped
            && !string.Equals(routeValue as string, scoped.ConversationId, StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");
        }

        http.Items[typeof(DirectLineCaller)] = caller;
        return await next(context);
    }

    internal static IResult Error(int status, string code, string message) =>
        TypedResults.Json(ErrorResponse.Of(code, message), BotJson.Options, statusCode: status);

    private static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
