using System.Threading.RateLimiting;
using FaqBot.Channels.Activities;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.DirectLine.Authentication;
using FaqBot.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>Registers the self-hosted Direct Line over the shared channel activities.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddChannelActivities();
        // Direct Line keeps the transcripts, so its settings bound them, in memory and in the database alike.
        services.AddOptions<TranscriptLimits>().Configure<IOptions<DirectLineOptions>>((limits, directLine) =>
        {
            limits.IdleTimeout = directLine.Value.IdleTimeout;
            limits.MaxConversations = directLine.Value.MaxConversations;
            limits.MaxActivitiesPerConversation = directLine.Value.MaxActivitiesPerConversation;
            limits.MaxConversationBytes = directLine.Value.MaxConversationBytes;
            limits.MaxTotalBytes = directLine.Value.MaxTotalBytes;
        });

        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineWebSocketStreamer>();
        services.AddSingleton<DirectLineOrigins>();
        services.AddSingleton<DirectLineBot>();
        services.AddSingleton<DirectLinePendingTurns>();
        services.AddSingleton<KillBeforeComposingForTests>();
        services.AddHostedService<DirectLineTurnRecovery>();
        services.AddDirectLineAuthentication();
        services.AddSingleton<AzureDirectLineTokenClient>();
        services.AddHttpClient(AzureDirectLineTokenClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddHostedService<DirectLineJanitor>();

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<DirectLineOrigins>((cors, origins) => cors.AddPolicy(
            DirectLineEndpoints.CorsPolicy,
            policy => policy
                .WithOrigins([.. origins.Allowed])
                .WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent", "x-requested-with")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.AddSingleton<DirectLineRateLimits>();
        services.AddSingleton<DirectLineMessageRateFilter>();
        services.AddRateLimiter(limiter =>
        {
            // Per client network: minting tokens is cheap for us but each one can start a conversation.
            limiter.AddPolicy(DirectLineEndpoints.TokenRateLimitPolicy, context => RateLimitPartition.Get(
                ClientNetwork.Of(context.Connection.RemoteIpAddress),
                _ => new FixedWindowQuota(
                    Math.Max(1, context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.TokenRequestsPerMinute),
                    DirectLineRateLimits.Window,
                    context.RequestServices.GetRequiredService<TimeProvider>())));
        });
        return services;
    }
}

/// <summary>Rejects settings that would break Web Chat or weaken the tokens, at start-up.</summary>
internal sealed class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (options.TokenLifetime < TimeSpan.FromMinutes(30))
        {
            failures.Add("DirectLine:TokenLifetime must be at least 30 minutes: DirectLineJS refreshes tokens only every 15 minutes.");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey))
        {
            var key = new byte[options.TokenSigningKey.Length];
            if (!Convert.TryFromBase64String(options.TokenSigningKey, key, out var length) || length < 32)
            {
                failures.Add("DirectLine:TokenSigningKey must be base64 of at least 32 random bytes.");
            }
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Scheme is not ("https" or "http"))
            {
                failures.Add($"DirectLine:AllowedOrigins: '{origin}' is not an origin like https://klinik.dk.");
            }
        }

        if (options.TurnLease < TimeSpan.FromSeconds(1) || options.TurnRecoveryInterval <= TimeSpan.Zero)
        {
            failures.Add("DirectLine:TurnLease must be at least a second and DirectLine:TurnRecoveryInterval positive.");
        }

        if (options.MaxConversations < 1 || options.MaxActivitiesPerConversation < 1 || options.MaxOpenSockets < 1)
        {
            failures.Add("DirectLine:MaxConversations, MaxActivitiesPerConversation and MaxOpenSockets must be positive.");
        }

        if (options.MaxActivityBytes < 1024 || options.MaxConversationBytes < options.MaxActivityBytes || options.MaxTotalBytes < options.MaxConversationBytes)
        {
            failures.Add("DirectLine: MaxActivityBytes (at least 1024) ≤ MaxConversationBytes ≤ MaxTotalBytes must hold, or a posted activity would not fit.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
