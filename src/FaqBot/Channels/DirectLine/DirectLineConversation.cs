using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// One Direct Line conversation: an append-only, bounded log of the activities the client may see, numbered from 1.
/// The watermark a client holds is the number of the last activity it has seen. The log is bounded in count and in
/// bytes (each activity's JSON size): the oldest activities are dropped first, numbers are never reused, so a client
/// that was behind simply no longer sees what was dropped and its watermark stays valid.
/// </summary>
public sealed class DirectLineConversation
{
    public const string ChannelId = "directline";

    private readonly Lock _gate = new();
    private readonly Queue<(Activity Activity, long Sequence, int Bytes)> _log = new();
    private readonly int _maxActivities;
    private readonly long _maxBytes;
    private readonly Action<long>? _bytesChanged;
    private readonly CancellationTokenSource _ended = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private long _lastTouchedTicks;
    private long _bytes;
    private int _openSockets;
    private bool _isEnded;

    /// <param name="bytesChanged">Told every change of <see cref="Bytes"/>, so the store can keep a total.</param>
    public DirectLineConversation(
        string id,
        string userId,
        int maxActivities,
        DateTimeOffset now,
        long maxBytes = long.MaxValue,
        Action<long>? bytesChanged = null)
    {
        Id = id;
        UserId = userId;
        _maxActivities = maxActivities;
        _maxBytes = maxBytes;
        _bytesChanged = bytesChanged;
        Touch(now);
    }

    public string Id { get; }

    /// <summary>The user the conversation's token was issued to.</summary>
    public string UserId { get; }

    /// <summary>The last time a client asked for or sent anything.</summary>
    public DateTimeOffset LastTouched => new(Interlocked.Read(ref _lastTouchedTicks), TimeSpan.Zero);

    /// <summary>Cancelled when the conversation is forgotten, which closes its socket.</summary>
    public CancellationToken Ended => _ended.Token;

    /// <summary>The JSON size of the activities in the log.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Whether a client has this conversation's WebSocket open (such a conversation is evicted last).</summary>
    public bool HasOpenSocket => Volatile.Read(ref _openSockets) > 0;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastTouchedTicks, now.UtcTicks);

    /// <summary>Counts a WebSocket opened on this conversation; dispose the result when it closes.</summary>
    public IDisposable SocketOpened()
    {
        Interlocked.Increment(ref _openSockets);
        return new SocketRegistration(this);
    }

    /// <summary>
    /// Numbers <paramref name="activity"/>, stamps what Web Chat needs (id, timestamp, conversation, channel, sequence id)
    /// and adds it to the log. Returns the assigned id.
    /// </summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        TaskCompletionSource changed;
        string id;
        long delta;
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

            if (_isEnded)
            {
                // Forgotten while a turn was running: nobody can read it any more, so it is not kept.
                return id;
            }

            // Serialised once here: the size is what the log is bounded by, and what could not be sent back is never kept.
            var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options).Length;
            _log.Enqueue((activity, sequence, bytes));
            delta = bytes;
            // The newest activity always stays, so a reply larger than the bound is still delivered.
            while (_log.Count > 1 && (_log.Count > _maxActivities || _bytes + delta > _maxBytes))
            {
                delta -= _log.Dequeue().Bytes;
            }

            Interlocked.Add(ref _bytes, delta);
            changed = _changed;
            _changed = NewSignal();
        }

        _bytesChanged?.Invoke(delta);
        changed.TrySetResult();
        return id;
    }

    /// <summary>The activities after <paramref name="watermark"/> and the watermark to ask with next.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark) After(long watermark)
    {
        lock (_gate)
        {
            var activities = _log.Where(entry => entry.Sequence > watermark).Select(entry => entry.Activity).ToList();
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

    /// <summary>Forgets the conversation: its activities are released and open streams close.</summary>
    public void End()
    {
        long released;
        lock (_gate)
        {
            if (_isEnded)
            {
                return;
            }

            _isEnded = true;
            released = _bytes;
            _log.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }

        _bytesChanged?.Invoke(-released);
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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class SocketRegistration(DirectLineConversation conversation) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref conversation._openSockets);
            }
        }
    }
}
