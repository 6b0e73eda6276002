using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.Activities.Turns;
using FaqBot.Channels.BotChannel.Authentication;
using FaqBot.Channels.BotChannel.Connector;
using FaqBot.Channels.BotChannel.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel;

/// <summary>The Bot Framework messaging endpoint, <c>POST /api/messages</c>.</summary>
public static class BotMessagesEndpoints
{
    /// <summary>The rate-limit policy of the group: anonymous requests per client address.</summary>
    public const string AnonymousRateLimitPolicy = "BotChannelAnonymous";

    /// <summary>Maps <c>POST /api/messages</c>; the channel authentication policy applies to the whole group.</summary>
    public static RouteGroupBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api")
            .RequireAuthorization(ChannelAuthentication.Policy)
            .AddEndpointFilter<ChannelActivityFilter>()
            .RequireRateLimiting(AnonymousRateLimitPolicy)
            .AddEndpointFilter<StorageUnavailableFilter>()
            .WithTags("Bot Framework");

        group.MapPost("/messages", HandleAsync)
            .WithName("BotMessages")
            .DisableAntiforgery();

        return group;
    }

    internal static async Task<Results<Ok, JsonHttpResult<ExpectedReplies>, JsonHttpResult<ErrorResponse>, StatusCodeHttpResult>> HandleAsync(
        BotMessageRequest message,
        TurnHandler turns,
        TeamsFeedbackInvoke invokes,
        ReplyQueue outbound,
        IOptions<BotChannelOptions> options,
        CancellationToken cancellationToken)
    {
        var request = message.Body;
        if (request.Activity is not { } activity)
        {
            return TypedResults.Json(request.Error!, BotJson.Options, statusCode: request.ErrorStatus);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            // Invokes are answered in the HTTP response; Teams wants 200 with an empty body for feedback.
            var status = await invokes.InvokeAsync(activity, cancellationToken);
            return status == StatusCodes.Status200OK ? TypedResults.Ok() : TypedResults.StatusCode(status);
        }

        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate && string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no conversation id.");
        }

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
        {
            // The caller (the Emulator, a Direct Line bridge) takes the replies from the response; no Connector call.
            return TypedResults.Json(new ExpectedReplies([.. (await turns.RespondAsync(activity, cancellationToken)).Select(reply => reply.Activity)]), BotJson.Options);
        }

        Uri? serviceUrl = null;
        if (activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate
            && (!ServiceUrlPolicy.MayDeliverTo(activity.ServiceUrl, options.Value) || !ServiceUrlPolicy.TryParse(activity.ServiceUrl, out serviceUrl)))
        {
            // Without an app id nothing vouches for the serviceUrl, and the bot must not be made to POST to any host.
            return Error(
                StatusCodes.Status400BadRequest,
                "BadArgument",
                "Replies can only be sent to a loopback serviceUrl without MicrosoftAppId; use deliveryMode expectReplies.");
        }

        var replies = await turns.RespondAsync(activity, cancellationToken);
        if (replies.Count == 0 || serviceUrl is null)
        {
            return TypedResults.Ok();
        }

        // Channels give up after 15 s, so acknowledge now and deliver in the background, in order per conversation; the
        // queue is in the store, so a replica that dies before delivering leaves it to another.
        return await outbound.QueueAsync(serviceUrl, activity, replies, cancellationToken)
            ? TypedResults.Ok()
            : Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "Too many replies are waiting for delivery; try again shortly.");
    }

    private static JsonHttpResult<ErrorResponse> Error(int status, string code, string message) =>
        TypedResults.Json(ErrorResponse.Of(code, message), BotJson.Options, statusCode: status);
}
