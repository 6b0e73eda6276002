using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Storage.InMemory;
using FaqBot.Channels.Activities.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Registers where state that outlives a request is kept: transcripts (with their pending turns), conversation memory,
/// the sent-answer index, the Connector delivery queue and feedback. In this process's memory by default; in PostgreSQL, shared by every replica, when
/// <c>ConnectionStrings:Postgres</c> is set. Chosen when the services are built, so a host's own settings count.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddChannelStorage(this IServiceCollection services)
    {
        services.AddOptions<TranscriptLimits>();
        services.TryAddSingleton(provider => StorageSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton<InMemoryTranscriptStore>();
        services.TryAddSingleton<PostgresTranscriptStore>();
        services.TryAddSingleton<PostgresFeedbackStore>();
        services.TryAddSingleton<ITranscriptStore>(provider => UsesPostgres(provider)
            ? provider.GetRequiredService<PostgresTranscriptStore>()
            : provider.GetRequiredService<InMemoryTranscriptStore>());
        services.TryAddSingleton<IConversationMemory>(provider => UsesPostgres(provider)
            ? ActivatorUtilities.CreateInstance<PostgresConversationMemory>(provider)
            : ActivatorUtilities.CreateInstance<InMemoryConversationMemory>(provider));
        services.TryAddSingleton<ISentAnswerIndex>(provider => UsesPostgres(provider)
            ? ActivatorUtilities.CreateInstance<PostgresSentAnswerIndex>(provider)
            : new InMemorySentAnswerIndex());
        services.TryAddSingleton<IConnectorOutbox>(provider => UsesPostgres(provider)
            ? ActivatorUtilities.CreateInstance<PostgresConnectorOutbox>(provider)
            : ActivatorUtilities.CreateInstance<InMemoryConnectorOutbox>(provider));
        services.AddHostedService<PostgresMaintenance>();
        services.AddHostedService<PostgresNotifications>();
        return services;
    }

    /// <summary>Whether state is kept in PostgreSQL (<c>ConnectionStrings:Postgres</c> is set).</summary>
    public static bool UsesPostgres(IServiceProvider provider) => provider.GetRequiredService<StorageSettings>().UsesPostgres;
}
