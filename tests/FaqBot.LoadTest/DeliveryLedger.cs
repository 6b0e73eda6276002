namespace FaqBot.LoadTest;

/// <summary>
/// Checks one conversation's stream against what was sent. The server numbers every activity it shows the client
/// (echoes, typing, replies) 1, 2, 3 … and streams them all, so a gap is a lost activity, a repeated id a duplicate and a
/// smaller number out of order. Per message: its echo exactly once, at least one reply (<c>replyToId</c> = its id), and
/// its replies after its echo and before any reply to the next message (turns run one at a time per conversation).
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _messageIndex = new(StringComparer.Ordinal);
    private readonly List<SentMessage> _messages = [];
    private readonly HashSet<long> _missing = [];
    private long _lastSequence;
    private int _welcomes;

    /// <summary>Activities missing from the stream (gaps in its numbering), then messages left without echo or reply.</summary>
    public int Lost { get; private set; }

    public int Duplicated { get; private set; }

    public int OutOfOrder { get; private set; }

    /// <summary>Activities the client cannot place: a reply to an id it never sent, or a user message it did not send.</summary>
    public int Misaddressed { get; private set; }

    public bool WelcomeSeen => _welcomes > 0;

    public IReadOnlyList<SentMessage> Messages => _messages;

    /// <summary>Registers a message the server accepted under <paramref name="id"/>.</summary>
    public SentMessage Sent(string id, long sentAt)
    {
        var message = new SentMessage(id, sentAt);
        _messageIndex[id] = _messages.Count;
        _messages.Add(message);
        return message;
    }

    /// <summary>Records an activity that came off the stream, in arrival order.</summary>
    public void Observe(StreamedActivity activity)
    {
        if (!_seen.Add(activity.Id))
        {
            Duplicated++;
            return;
        }

        if (activity.Sequence <= _lastSequence)
        {
            // Late: it fills a gap, so it is out of order rather than lost.
            _missing.Remove(activity.Sequence);
            OutOfOrder++;
        }
        else
        {
            for (var skipped = _lastSequence + 1; skipped < activity.Sequence; skipped++)
            {
                _missing.Add(skipped);
            }

            _lastSequence = activity.Sequence;
        }

        if (!activity.FromBot)
        {
            ObserveEcho(activity);
        }
        else if (activity.Type == "message")
        {
            ObserveBotMessage(activity);
        }
    }

    /// <summary>After the run: messages without a reply or echo count as lost.</summary>
    public void Close()
    {
        Lost += _missing.Count;
        foreach (var message in _messages)
        {
            if (message.Echoes == 0)
            {
                Lost++;
            }

            if (message.Replies == 0)
            {
                Lost++;
            }
        }
    }

    private void ObserveEcho(StreamedActivity activity)
    {
        if (activity.Type != "message")
        {
            return;
        }

        // The echo may come off the socket before the POST returned its id; the caller observes only after registering.
        if (!_messageIndex.TryGetValue(activity.Id, out var index))
        {
            Misaddressed++;
            return;
        }

        _messages[index].Echoes++;
    }

    private void ObserveBotMessage(StreamedActivity activity)
    {
        if (activity.ReplyToId is null)
        {
            // The welcome, before the patient wrote anything (a repeated bubble is caught by its id above).
            _welcomes++;
            if (_messages.Count > 0)
            {
                OutOfOrder++;
            }

            return;
        }

        if (!_messageIndex.TryGetValue(activity.ReplyToId, out var index))
        {
            Misaddressed++;
            return;
        }

        var message = _messages[index];
        var answeredLater = _messages.Skip(index + 1).Any(later => later.Replies > 0);
        if (message.Echoes == 0 || answeredLater)
        {
            OutOfOrder++;
        }

        message.Replies++;
        message.FirstReplyAt ??= activity.ArrivedAt;
    }
}

/// <summary>A message the patient sent, and what came back for it.</summary>
internal sealed class SentMessage(string id, long sentAt)
{
    public string Id { get; } = id;

    /// <summary>Stopwatch ticks just before the POST.</summary>
    public long SentAt { get; } = sentAt;

    public int Echoes { get; set; }

    public int Replies { get; set; }

    /// <summary>Stopwatch ticks when the first reply bubble arrived on the socket.</summary>
    public long? FirstReplyAt { get; set; }
}
