using System.Collections.Concurrent;

namespace FaqBot.Channels.Activities.Storage.InMemory;

/// <summary>Keeps ratings for the life of the process; the default when no feedback file is configured.</summary>
public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly ConcurrentQueue<FeedbackRecord> _records = new();

    public Task AppendAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        _records.Enqueue(record);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeedbackRecord>> ReadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeedbackRecord>>([.. _records]);
}
