using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Answers a request that needed the unreachable store with 503 and <c>Retry-After</c> (clients retry), never a 500.
/// The body says nothing of the request.
/// </summary>
public sealed class StorageUnavailableFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (StorageUnavailableException)
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return ErrorResults.Of(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The conversation store is unavailable; try again shortly.");
        }
    }
}
