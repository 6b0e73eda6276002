using System.Threading.RateLimiting;
using FaqBot.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// The Direct Line message quota, per authenticated conversation; the page-token quota is a rate-limiting policy. Both
/// are rejected with <see cref="RateLimitRejection"/>.
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

    public void Dispose() => _messages.Dispose();
}
