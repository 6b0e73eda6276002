using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotChannel.Schema;

namespace FaqBot.DirectLine;

/// <summary>
/// One Direct Line conversation: an append-only, bounded log of the activities the client may see, numbered from 1.
/// The watermark a client holds is the number of the last activity it has seen.
/// </summary>
public sealed class DirectLineConversation
{
    public const string ChannelId = "directline";

    private readonly Lock _gate = new();
    private readonly Queue<Activity> _log = new();
    private readonly int _maxActivities;
    private readonly CancellationTokenSource _ended = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private long _lastTouchedTicks;

    public DirectLineConversation(string id, string userId, int maxActivities, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _maxActivities = maxActivities;
        Touch(now);
    }

    public string Id { get; }

    /// <summary>The user the conversation's token was issued to.</summary>
    public string UserId { get; }

    /// <summary>The last time a client asked for or sent anything.</summary>
    public DateTimeOffset LastTouched => new(Interlocked.Read(ref _lastTouchedTicks), TimeSpan.Zero);

    /// <summary>Cancelled when the conversation is forgotten, which closes its socket.</summary>
    public CancellationToken Ended => _ended.Token;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastTouchedTicks, now.UtcTicks);

    /// <summary>
    /// Numbers <paramref name="activity"/>, stamps what Web Chat needs (id, timestamp, conversation, channel, sequence id)
    /// and adds it to the log. Returns the assigned id.
    /// </summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        string id;
        lock (_gate)
        {
            var sequence = ++_lastSequence;
            id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{sequence:D7}");
            activity.Id = id;
            activity.Conversation = new ConversationAccount { Id = Id };
            activity.ChannelId = ChannelId;
            activity.AdditionalProperties ??= [];
            activity.AdditionalProperties["timestamp"] = JsonSerializer.SerializeToElement(
                now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            // Web Chat orders by this before timestamps, so echoes and replies never swap places.
            activity.ChannelData ??= new JsonObject();
            if (activity.ChannelData is JsonObject channelData)
            {
                channelData["webchat:sequence-id"] = sequence;
            }

            _log.Enqueue(activity);
            while (_log.Count > _maxActivities)
            {
                _log.Dequeue();
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return id;
    }

    /// <summary>The activities after <paramref name="watermark"/> and the watermark to ask with next.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark) After(long watermark)
    {
        lock (_gate)
        {
            var activities = _log.Where(activity => SequenceOf(activity) > watermark).ToList();
            return (activities, Math.Max(watermark, _lastSequence));
        }
    }

    /// <summary>Completes once there is an activity after <paramref name="watermark"/>.</summary>
    public Task WaitForActivityAfterAsync(long watermark, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _lastSequence > watermark ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the conversation: open streams close.</summary>
    public void End()
    {
        try
        {
            _ended.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
    }

    /// <summary>Reads a client watermark; missing, empty, <c>"null"</c> or garbage means "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;

    private static long SequenceOf(Activity activity) =>
        long.Parse(activity.Id.AsSpan(activity.Id!.LastIndexOf('|') + 1), CultureInfo.InvariantCulture);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
