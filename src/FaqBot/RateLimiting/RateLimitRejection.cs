using System.Globalization;
using System.Threading.RateLimiting;
using FaqBot.Channels.Activities.Schema;
using Microsoft.AspNetCore.RateLimiting;

namespace FaqBot.RateLimiting;

/// <summary>How a request over a quota is answered: 429 with the JSON error body and a <c>Retry-After</c> that says when the window reopens.</summary>
public static class RateLimitRejection
{
    /// <summary>Answers every rate-limiting policy's rejections this way.</summary>
    public static RateLimiterOptions RejectWithErrorBody(this RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
            await Result(context.HttpContext.Response, context.Lease).ExecuteAsync(context.HttpContext);
        return limiter;
    }

    /// <summary>The 429 answer for a rejected <paramref name="lease"/>, with the real time until its window reopens.</summary>
    public static IResult Result(HttpResponse response, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return ErrorResults.Of(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; try again shortly.");
    }
}
