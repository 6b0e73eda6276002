using System.Threading.RateLimiting;
using FaqBot.Channels.Activities;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.Activities.Storage.Postgres;
using FaqBot.Channels.BotChannel.Authentication;
using FaqBot.Channels.BotChannel.Connector;
using FaqBot.Channels.BotChannel.Feedback;
using FaqBot.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace FaqBot.Channels.BotChannel;

/// <summary>Registers the Bot Framework channel. The caller registers the <see cref="Conversation.IReplyComposer"/>.</summary>
public static class BotChannelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services behind <see cref="BotMessagesEndpoints.MapBotMessages"/>: token validation, the Connector
    /// client with retries, ordered background delivery and feedback storage, over the shared channel activities.
    /// </summary>
    public static IServiceCollection AddBotChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConfigureOptions<BotChannelOptions>>(provider =>
            new BotChannelOptionsSetup(configuration, provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<IValidateOptions<BotChannelOptions>, BotChannelOptionsValidator>();
        services.AddOptions<BotChannelOptions>().ValidateOnStart();
        services.AddChannelActivities();

        services.AddHttpClient(nameof(ChannelOpenIdMetadata));
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.AddSingleton<ChannelOpenIdMetadata>();
        services.AddChannelAuthentication();

        services.AddSingleton<IMsalHttpClientFactory, MsalHttpClientFactory>();
        services.TryAddSingleton<IConnectorTokenProvider>(provider => CreateTokenProvider(provider));
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(provider => new ConnectorClient(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IConnectorTokenProvider>(),
            ConnectorRetryPipeline.Create(
                provider.GetRequiredService<IOptions<BotChannelOptions>>().Value,
                provider.GetRequiredService<ILogger<ConnectorClient>>()),
            provider.GetRequiredService<ILogger<ConnectorClient>>()));
        // Singletons: delivery runs in the background after the request's scope has ended.
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<ReplyQueue>();
        services.AddHostedService<ReplyQueueRecovery>();
        services.AddSingleton<TeamsFeedbackInvoke>();
        services.AddHostedService<AnonymousModeWarning>();

        // The shared database when there is one, else the configured file, else memory.
        services.TryAddSingleton<IFeedbackStore>(provider =>
            StorageServiceCollectionExtensions.UsesPostgres(provider) ? provider.GetRequiredService<PostgresFeedbackStore>()
            : provider.GetRequiredService<IOptions<BotChannelOptions>>().Value.FeedbackFile is { Length: > 0 } path ? new JsonLinesFeedbackStore(path)
            : new InMemoryFeedbackStore());

        // Anonymous requests are limited per client network; channel traffic with a token is not (it comes from Azure).
        services.AddRateLimiter(limiter => limiter.AddPolicy(BotMessagesEndpoints.AnonymousRateLimitPolicy, context =>
        {
            var channel = context.RequestServices.GetRequiredService<IOptions<BotChannelOptions>>().Value;
            return channel.RequiresAuthentication
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : RateLimitPartition.Get(
                    ClientNetwork.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowQuota(channel.AnonymousRequestsPerMinute, TimeSpan.FromMinutes(1), context.RequestServices.GetRequiredService<TimeProvider>()));
        }));
        return services;
    }

    private static IConnectorTokenProvider CreateTokenProvider(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<BotChannelOptions>>();
        if (!options.Value.RequiresAuthentication)
        {
            return new AnonymousConnectorTokenProvider();
        }

        var httpClientFactory = provider.GetRequiredService<IMsalHttpClientFactory>();
        return options.Value.AppType == BotAppType.UserAssignedMSI
            ? new ManagedIdentityTokenProvider(options, httpClientFactory)
            : new ClientCredentialsTokenProvider(options, httpClientFactory);
    }
}
