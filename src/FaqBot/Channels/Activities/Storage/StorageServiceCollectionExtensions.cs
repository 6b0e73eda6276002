using FaqBot.Channels.Activities.Memory;
using FaqBot.Channels.Activities.Storage.InMemory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// Registers where state that outlives a request is kept: transcripts, conversation memory, the sent-answer index and
/// feedback. In this process's memory by default.
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddChannelStorage(this IServiceCollection services)
    {
        services.AddOptions<TranscriptLimits>();
        services.TryAddSingleton<InMemoryTranscriptStore>();
        services.TryAddSingleton<ITranscriptStore>(provider => provider.GetRequiredService<InMemoryTranscriptStore>());
        services.TryAddSingleton<IConversationMemory, InMemoryConversationMemory>();
        services.TryAddSingleton<ISentAnswerIndex, InMemorySentAnswerIndex>();
        return services;
    }
}
