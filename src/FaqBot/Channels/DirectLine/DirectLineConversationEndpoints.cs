using System.Globalization;
using FaqBot.Channels.Activities.Inbound;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.DirectLine.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>The conversation endpoints: start, resume, poll and post, over <see cref="DirectLineConversations"/>.</summary>
internal static class DirectLineConversationEndpoints
{
    private const string EventType = "event";

    /// <summary><c>POST /conversations</c>: starts the token's conversation (201), or returns it again (200).</summary>
    public static async Task<Results<JsonHttpResult<DirectLineConversationResponse>, JsonHttpResult<ErrorResponse>>> StartAsync(
        HttpContext context,
        DirectLineConversations conversations)
    {
        var (start, error) = await DirectLineStartBody.ReadAsync(context.Request);
        if (error is not null)
        {
            return error;
        }

        var (conversation, created) = await conversations.StartAsync(DirectLineCaller.Of(context), start, context.RequestAborted);
        DirectLineTokenEndpoints.NoStore(context);
        return TypedResults.Json(
            conversations.Describe(context.Request, conversation, watermark: null),
            BotJson.Options,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary><c>GET /conversations/{id}</c>: resume or reconnect, with a new token and <c>streamUrl</c>.</summary>
    public static async Task<Results<JsonHttpResult<DirectLineConversationResponse>, JsonHttpResult<ErrorResponse>>> ResumeAsync(
        HttpContext context,
        string conversationId,
        string? watermark,
        DirectLineConversations conversations)
    {
        if (await conversations.ResumeAsync(DirectLineCaller.Of(context), conversationId, context.RequestAborted) is not { } conversation)
        {
            return DirectLineConversations.NotFound();
        }

        DirectLineTokenEndpoints.NoStore(context);
        return TypedResults.Json(conversations.Describe(context.Request, conversation, watermark), BotJson.Options);
    }

    /// <summary>
    /// <c>GET …/activities?watermark=</c> (polling). Always 200 for a live conversation: DirectLineJS stops polling for
    /// good on any error other than 403/404. While the store is unreachable that is nothing new, at the same watermark.
    /// </summary>
    public static async Task<Results<JsonHttpResult<DirectLineActivitySet>, JsonHttpResult<ErrorResponse>>> GetActivitiesAsync(
        HttpContext context,
        string conversationId,
        string? watermark,
        DirectLineConversations conversations)
    {
        var from = DirectLineConversation.ParseWatermark(watermark);
        TranscriptPage page;
        try
        {
            if (await conversations.FindAsync(conversationId, context.RequestAborted) is not { } conversation)
            {
                return DirectLineConversations.NotFound();
            }

            page = await conversation.ReadAfterAsync(from, context.RequestAborted);
        }
        catch (StorageUnavailableException)
        {
            page = new TranscriptPage([], from);
        }

        return TypedResults.Json(new DirectLineActivitySet(page.Activities, page.Watermark.ToString(CultureInfo.InvariantCulture)), BotJson.Options);
    }

    /// <summary><c>POST …/activities</c>: stores the user's activity and queues the bot's turn, so this returns at once.</summary>
    public static async Task<Results<JsonHttpResult<DirectLineResourceResponse>, JsonHttpResult<ErrorResponse>>> PostActivityAsync(
        HttpContext context,
        string conversationId,
        DirectLineConversations conversations,
        IOptions<DirectLineOptions> options)
    {
        if (await conversations.FindAsync(conversationId, context.RequestAborted) is not { } conversation)
        {
            return DirectLineConversations.NotFound();
        }

        var request = await ActivityRequest.ReadAsync(context.Request, options.Value.MaxActivityBytes, context.RequestAborted);
        if (request.Activity is not { } activity)
        {
            return TypedResults.Json(request.Error!, BotJson.Options, statusCode: request.ErrorStatus);
        }

        if (activity.Type is not (ActivityTypes.Message or EventType or ActivityTypes.Typing))
        {
            return ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "Only message, event and typing activities can be sent.");
        }

        var userId = DirectLineCaller.Of(context).Grant?.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId))
        {
            return ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no from.id.");
        }

        return TypedResults.Json(new DirectLineResourceResponse(await conversations.ReceiveAsync(conversation, activity, userId, CancellationToken.None)), BotJson.Options);
    }
}
