using System.Text.Json;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;

namespace FaqBot.Channels.BotChannel.Feedback;

/// <summary>
/// Answers <c>invoke</c> activities. The only one handled is Teams' thumbs up/down (<c>message/submitAction</c>),
/// stored with the passage the rated message showed.
/// </summary>
public sealed class TeamsFeedbackInvoke(
    IFeedbackStore feedbackStore,
    ISentAnswerIndex sentAnswers,
    TimeProvider timeProvider,
    ILogger<TeamsFeedbackInvoke> logger)
{
    private const string SubmitActionInvoke = "message/submitAction";

    /// <summary>The HTTP status of the invoke response; the only handled invoke, Teams feedback, has no body.</summary>
    public async Task<int> InvokeAsync(Activity inbound, CancellationToken cancellationToken)
    {
        if (inbound.Name != SubmitActionInvoke || FeedbackRatingOf(inbound.Value) is not { } rating)
        {
            // The SDK's answer to an invoke nobody handles.
            return StatusCodes.Status501NotImplemented;
        }

        // Only the rating and the passage; the optional free-text comment is health data and is dropped unread.
        var passageId = await sentAnswers.FindAsync(inbound.Conversation?.Id, inbound.ReplyToId, cancellationToken);
        await feedbackStore.AppendAsync(new FeedbackRecord(timeProvider.GetUtcNow(), rating, passageId), cancellationToken);
        logger.LogInformation("Stored {Rating} feedback for passage {PassageId}", rating, passageId);
        return StatusCodes.Status200OK;
    }

    /// <summary><c>value: {actionName: "feedback", actionValue: {reaction: "like"|"dislike", feedback: …}}</c>.</summary>
    private static FeedbackRating? FeedbackRatingOf(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } payload
            || !payload.TryGetProperty("actionName", out var actionName)
            || actionName.ValueKind != JsonValueKind.String
            || actionName.GetString() != "feedback"
            || !payload.TryGetProperty("actionValue", out var actionValue)
            || actionValue.ValueKind != JsonValueKind.Object
            || !actionValue.TryGetProperty("reaction", out var reaction)
            || reaction.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return reaction.GetString() switch
        {
            "like" => FeedbackRating.Like,
            "dislike" => FeedbackRating.Dislike,
            _ => null,
        };
    }
}
