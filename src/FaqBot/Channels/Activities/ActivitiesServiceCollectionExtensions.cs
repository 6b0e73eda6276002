using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Queue;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Turns;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Channels.Activities;

/// <summary>
/// Registers what every channel shares: the turn handler, the per-conversation queue and the conversation memory. Each
/// channel's registration calls it; the second call adds nothing. The host registers the <see cref="Conversation.IReplyComposer"/>.
/// </summary>
public static class ActivitiesServiceCollectionExtensions
{
    public static IServiceCollection AddChannelActivities(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TurnHandler)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TurnOptions>()
            .BindConfiguration(TurnOptions.SectionName)
            .Validate(o => o.MaxQueuedRepliesPerConversation > 0 && o.MaxQueuedReplies > 0,
                "BotChannel:MaxQueuedRepliesPerConversation and MaxQueuedReplies must be positive.")
            .Validate(o => o.TurnBudget > TimeSpan.Zero, "BotChannel:TurnBudget must be positive.")
            .ValidateOnStart();
        services.AddOptions<ConversationMemoryOptions>()
            .BindConfiguration(ConversationMemoryOptions.SectionName)
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.PendingQuestionLifetime > TimeSpan.Zero && o.MaxConversations > 0,
                "ConversationMemory:Lifetime, PendingQuestionLifetime and MaxConversations must be positive.")
            .ValidateOnStart();
        services.AddChannelStorage();
        // Singletons: turns run in the background after the request's scope has ended, and all they use is a singleton.
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<ConversationQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<ConversationQueue>());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ErrorBodyAuthorizationResults>();
        return services;
    }
}
