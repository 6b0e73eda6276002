using System.Collections.Concurrent;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>
/// Remembers which passage each delivered answer showed, by the id the channel gave the message, because Teams'
/// feedback invoke names only the rated message. Bounded: the oldest entries are forgotten first.
/// </summary>
public sealed class SentAnswerIndex
{
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<(string Conversation, string Activity), string> _passages = new();
    private readonly ConcurrentQueue<(string Conversation, string Activity)> _order = new();

    /// <summary>Records that message <paramref name="activityId"/> answered with <paramref name="passageId"/>.</summary>
    public void Record(string conversationId, string activityId, string passageId)
    {
        var key = (conversationId, activityId);
        if (_passages.TryAdd(key, passageId))
        {
            _order.Enqueue(key);
            while (_passages.Count > Capacity && _order.TryDequeue(out var oldest))
            {
                _passages.TryRemove(oldest, out _);
            }
        }
    }

    /// <summary>The passage message <paramref name="activityId"/> showed, if known.</summary>
    public string? Find(string? conversationId, string? activityId) =>
        conversationId is not null && activityId is not null && _passages.TryGetValue((conversationId, activityId), out var passageId)
            ? passageId
            : null;
}
