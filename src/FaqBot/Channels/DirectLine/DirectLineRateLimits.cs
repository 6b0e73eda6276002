using System.Globalization;
using System.Threading.RateLimiting;
using FaqBot.Channels.Activities.Schema;
using FaqBot.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// The Direct Line quotas: page tokens per client network, messages per authenticated conversation. Rejections are
/// 429 with the JSON error body and a <c>Retry-After</c> that says when the window reopens.
/// </summary>
public sealed class DirectLineRateLimits : IDisposable
{
    /// <summary>Every quota counts per minute.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly PartitionedRateLimiter<string> _messages;

    public DirectLineRateLimits(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        var messagesPerMinute = Math.Max(1, options.Value.MessagesPerMinute);
        _messages = PartitionedRateLimiter.Create<string, string>(conversationId =>
            RateLimitPartition.Get(conversationId, _ => new FixedWindowQuota(messagesPerMinute, Window, time)));
    }

    /// <summary>Takes one message permit of <paramref name="conversationId"/>'s quota.</summary>
    public RateLimitLease AcquireMessage(string conversationId) => _messages.AttemptAcquire(conversationId);

    /// <summary>The 429 answer for a rejected <paramref name="lease"/>, with the real time until its window reopens.</summary>
    public static IResult Rejected(HttpResponse response, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return TypedResults.Json(
            ErrorResponse.Of("TooManyRequests", "Too many requests; try again shortly."),
            BotJson.Options,
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _messages.Dispose();
}
