using System.Collections.Concurrent;

namespace FaqBot.Channels.Activities.Storage.InMemory;

/// <summary>The sent-answer index in this process's memory; the oldest entries beyond the capacity are forgotten.</summary>
public sealed class InMemorySentAnswerIndex : ISentAnswerIndex
{
    private readonly ConcurrentDictionary<(string Conversation, string Activity), string> _passages = new();
    private readonly ConcurrentQueue<(string Conversation, string Activity)> _order = new();

    /// <inheritdoc/>
    public Task RecordAsync(string conversationId, string activityId, string passageId, CancellationToken cancellationToken)
    {
        var key = (conversationId, activityId);
        if (_passages.TryAdd(key, passageId))
        {
            _order.Enqueue(key);
            while (_passages.Count > ISentAnswerIndex.Capacity && _order.TryDequeue(out var oldest))
            {
                _passages.TryRemove(oldest, out _);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<string?> FindAsync(string? conversationId, string? activityId, CancellationToken cancellationToken) =>
        Task.FromResult(conversationId is not null && activityId is not null && _passages.TryGetValue((conversationId, activityId), out var passageId)
            ? passageId
            : null);
}
