using System.Net;
using Polly;
using Polly.Retry;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>
/// Retries for Connector calls: 429 (honouring Retry-After), 412 and 5xx, as the Teams rate-limit guidance asks;
/// 400/401/403/404 are the bot's own fault and are not retried.
/// </summary>
public static class ConnectorRetryPipeline
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>Builds the pipeline from the configured retry count and base delay.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Create(BotChannelOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.ConnectorRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.ConnectorRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ConnectorRetryBaseDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result)),
                OnRetry = arguments =>
                {
                    logger.LogWarning(
                        "Connector call failed with {Status}; retry {Attempt} in {Delay}",
                        arguments.Outcome.Result?.StatusCode.ToString() ?? arguments.Outcome.Exception?.GetType().Name,
                        arguments.AttemptNumber + 1,
                        arguments.RetryDelay);
                    // The failed response is discarded; free its connection now.
                    arguments.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed || (int)status >= 500;

    /// <summary>The server's Retry-After, capped; null lets the exponential back-off decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        var delay = header?.Delta
            ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
    }
}
