namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// The bounds every transcript store keeps, in memory and in the database alike. The channel that keeps transcripts
/// sets them from its own settings (Direct Line: <c>DirectLine:IdleTimeout</c>, <c>MaxConversations</c> …).
/// </summary>
public sealed class TranscriptLimits
{
    /// <summary>A transcript without any use for this long is forgotten.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Transcripts kept at once; starting one more forgets the least recently used.</summary>
    public int MaxConversations { get; set; } = 5000;

    /// <summary>Older activities of a transcript are dropped beyond this count.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>The JSON size of one transcript's activities; the oldest are dropped beyond it (the newest always stays).</summary>
    public long MaxConversationBytes { get; set; } = 512 * 1024;

    /// <summary>The JSON size of all transcripts; beyond it the least recently used transcripts are forgotten.</summary>
    public long MaxTotalBytes { get; set; } = 64L * 1024 * 1024;
}
