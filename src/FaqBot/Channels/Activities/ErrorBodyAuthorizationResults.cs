using FaqBot.Channels.Activities.Schema;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace FaqBot.Channels.Activities;

/// <summary>
/// Gives a refused (403) request the JSON error body every channel answers with, saying why, where the framework would
/// send an empty 403. Challenges (401) are the schemes' own, and everything else is left to the framework.
/// </summary>
internal sealed class ErrorBodyAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "The request is not allowed.";
        return ErrorResults.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", reason);
    }
}
