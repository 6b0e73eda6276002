using FaqBot.Channels.Activities.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.Channels.DirectLine;

/// <summary>The <c>streamUrl</c>: a WebSocket of <c>ActivitySet</c> frames, authorised by its short-lived query token.</summary>
internal static class DirectLineStreamEndpoint
{
    public static async Task<Results<EmptyHttpResult, JsonHttpResult<ErrorResponse>>> StreamAsync(
        HttpContext context,
        string conversationId,
        string? watermark,
        DirectLineConversations conversations,
        DirectLineOrigins origins,
        DirectLineWebSocketStreamer streamer)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "This URL is a WebSocket.");
        }

        // Browsers do not apply CORS to WebSockets, so another site's page is turned away here.
        if (!origins.IsAllowed(context))
        {
            return ErrorResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "This site may not use the chat.");
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted) is not { } conversation)
        {
            return DirectLineConversations.NotFound();
        }

        if (!streamer.HasCapacity)
        {
            return ErrorResults.Of(StatusCodes.Status429TooManyRequests, "TooManyRequests", "The chat is busy; try again shortly.");
        }

        await streamer.StreamAsync(context, conversation, DirectLineConversation.ParseWatermark(watermark));
        return TypedResults.Empty;
    }
}
