using System.Threading.RateLimiting;
using FaqBot.BotChannel.Authentication;
using FaqBot.BotChannel.Connector;
using FaqBot.BotChannel.Feedback;
using FaqBot.BotChannel.Memory;
using FaqBot.BotChannel.Turns;
using FaqBot.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace FaqBot.BotChannel;

/// <summary>Registers the Bot Framework channel. The caller registers the <see cref="Conversation.IReplyComposer"/>.</summary>
public static class BotChannelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services behind <see cref="BotMessagesEndpoints.MapBotMessages"/>: token validation, the Connector
    /// client with retries, ordered background delivery and feedback storage.
    /// </summary>
    public static IServiceCollection AddBotChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IConfigureOptions<BotChannelOptions>>(provider =>
            new BotChannelOptionsSetup(configuration, provider.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton<IValidateOptions<BotChannelOptions>, BotChannelOptionsValidator>();
        services.AddOptions<BotChannelOptions>().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(nameof(ChannelOpenIdMetadata));
        services.AddHttpClient(MsalHttpClientFactory.ClientName);
        services.AddSingleton<ChannelOpenIdMetadata>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<ChannelAuthenticationFilter>();

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
        services.AddSingleton<SentAnswerIndex>();
        services.AddSingleton<ConversationOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<ConversationOutbox>());
        services.AddHostedService<AnonymousModeWarning>();

        services.TryAddSingleton<IFeedbackStore>(provider =>
            provider.GetRequiredService<IOptions<BotChannelOptions>>().Value.FeedbackFile is { Length: > 0 } path
                ? new JsonLinesFeedbackStore(path)
                : new InMemoryFeedbackStore());
        services.AddOptions<ConversationMemoryOptions>()
            .BindConfiguration(ConversationMemoryOptions.SectionName)
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.PendingQuestionLifetime > TimeSpan.Zero && o.MaxConversations > 0,
                "ConversationMemory:Lifetime, PendingQuestionLifetime and MaxConversations must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IConversationMemory, InMemoryConversationMemory>();
        services.AddScoped<BotTurnHandler>();

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
