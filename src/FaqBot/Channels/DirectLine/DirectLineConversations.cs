using System.Globalization;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.DirectLine.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// What the conversation endpoints do: start or resume a caller's conversation (greeting it when new), take in a user's
/// activity and hand it to the bot, and describe a conversation with fresh tokens and its <c>streamUrl</c>.
/// </summary>
public sealed class DirectLineConversations(
    ITranscriptStore store,
    DirectLineBot bot,
    DirectLineTokenService tokens,
    IOptions<DirectLineOptions> options,
    TimeProvider time)
{
    /// <summary>The live conversation <paramref name="conversationId"/>, if any.</summary>
    public Task<ITranscript?> FindAsync(string conversationId, CancellationToken cancellationToken) => store.FindAsync(conversationId, cancellationToken);

    /// <summary>The caller's conversation (a new one for the secret), started and greeted if it did not exist.</summary>
    public Task<(ITranscript Conversation, bool Created)> StartAsync(DirectLineCaller caller, DirectLineStartRequest? start, CancellationToken cancellationToken)
    {
        var grant = caller.Grant ?? new DirectLineGrant(DirectLineTokenService.NewConversationId(), DirectLineStartBody.UserIdFor(start), IsStreamToken: false);
        return GetOrStartAsync(grant, start?.Locale, cancellationToken);
    }

    /// <summary>
    /// Resume or reconnect: a token's conversation that was forgotten while idle starts again; the secret may resume
    /// any live conversation.
    /// </summary>
    public async Task<ITranscript?> ResumeAsync(DirectLineCaller caller, string conversationId, CancellationToken cancellationToken) =>
        caller.Grant is { } grant
            ? (await GetOrStartAsync(grant, locale: null, cancellationToken)).Conversation
            : await store.FindAsync(conversationId, cancellationToken);

    /// <summary>
    /// Stores the user's <paramref name="activity"/> as <paramref name="userId"/> (the client sees it echoed with the
    /// returned id, which is how Web Chat marks it sent) and, for a message, records and queues the bot's turn.
    /// </summary>
    public async Task<string> ReceiveAsync(ITranscript conversation, Activity activity, string userId, CancellationToken cancellationToken)
    {
        // The token decides who is speaking, as Azure does; the rest (channelData.clientActivityID, locale …) is kept
        // unchanged for the echo.
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" };
        activity.Recipient = bot.Account;
        activity.ServiceUrl = null;
        activity.DeliveryMode = null;
        if (activity.Type != ActivityTypes.Message)
        {
            return await conversation.AppendAsync(activity, time.GetUtcNow(), cancellationToken);
        }

        // Stored as a pending turn in the same write: if this replica dies now, another one answers it.
        var appended = await conversation.AppendTurnAsync(activity, conversation.StampAt(time.GetUtcNow()), cancellationToken);
        await bot.MessageReceivedAsync(conversation, activity, appended);
        return appended.Id;
    }

    /// <summary>The conversation with a fresh token and a <c>streamUrl</c> (resuming after <paramref name="watermark"/>).</summary>
    public DirectLineConversationResponse Describe(HttpRequest request, ITranscript conversation, string? watermark)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Value.PublicBaseUrl.TrimEnd('/');
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "wss://" + baseUrl["https://".Length..]
            : "ws://" + baseUrl[(baseUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var streamUrl = $"{socketBase}{DirectLineEndpoints.RoutePrefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream"
            + $"?t={Uri.EscapeDataString(tokens.IssueStreamToken(conversation.Id, conversation.UserId))}";
        if (DirectLineConversation.ParseWatermark(watermark) is > 0 and var resumeFrom)
        {
            streamUrl += "&watermark=" + resumeFrom.ToString(CultureInfo.InvariantCulture);
        }

        return new DirectLineConversationResponse(
            conversation.Id,
            tokens.Issue(conversation.Id, conversation.UserId),
            tokens.LifetimeSeconds,
            streamUrl);
    }

    /// <summary>The answer for a conversation that is not (or no longer) there.</summary>
    public static JsonHttpResult<ErrorResponse> NotFound() =>
        ErrorResults.Of(StatusCodes.Status404NotFound, "BadArgument", "The conversation does not exist or has ended.");

    private async Task<(ITranscript Conversation, bool Created)> GetOrStartAsync(DirectLineGrant grant, string? locale, CancellationToken cancellationToken)
    {
        var (conversation, created) = await store.GetOrStartAsync(grant.ConversationId, grant.UserId, cancellationToken);
        if (created)
        {
            await bot.ConversationStartedAsync(conversation, locale);
        }

        return (conversation, created);
    }
}
