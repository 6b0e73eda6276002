using System.Text.Json.Serialization;

namespace FaqBot.Channels.Activities.Storage;

/// <summary>
/// One thumbs-up or thumbs-down. Deliberately nothing else: no user id, no question, no free-text comment — the
/// patient's words are health data.
/// </summary>
public sealed record FeedbackRecord(DateTimeOffset Timestamp, FeedbackRating Rating, string? PassageId);

/// <summary>The rating a patient gave an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackRating>))]
public enum FeedbackRating
{
    [JsonStringEnumMemberName("like")]
    Like,

    [JsonStringEnumMemberName("dislike")]
    Dislike,
}
