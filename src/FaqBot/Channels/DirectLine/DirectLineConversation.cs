using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// What Direct Line writes on each activity of a conversation's transcript (<see cref="ITranscript"/>): its number
/// in the conversation, as the id and as Web Chat's sequence id, the timestamp, the conversation and the channel. The
/// watermark a client holds is the number of the last activity it has seen.
/// </summary>
public static class DirectLineConversation
{
    public const string ChannelId = "directline";

    /// <summary>Appends <paramref name="activity"/> to <paramref name="transcript"/>, stamped as sent at <paramref name="now"/>; returns its id.</summary>
    public static Task<string> AppendAsync(this ITranscript transcript, Activity activity, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        transcript.AppendAsync(activity, transcript.StampAt(now), cancellationToken);

    /// <summary>How activities appended to <paramref name="transcript"/> at <paramref name="now"/> are stamped.</summary>
    public static TranscriptStamp StampAt(this ITranscript transcript, DateTimeOffset now) =>
        (stamped, sequence) => Stamp(stamped, transcript.Id, sequence, now);

    /// <summary>Reads a client watermark; missing, empty, <c>"null"</c> or garbage means "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;

    private static string Stamp(Activity activity, string conversationId, long sequence, DateTimeOffset now)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");
        activity.Id = id;
        activity.Conversation = new ConversationAccount { Id = conversationId };
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

        return id;
    }
}
