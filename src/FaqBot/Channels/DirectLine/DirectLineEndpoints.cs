using System.Globalization;
using System.Text.Json;
using FaqBot.Channels.Activities.Inbound;
using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine.Authentication;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 as Web Chat (DirectLineJS 0.15) uses it, under <c>/v3/directline</c>, plus the page's token endpoint
/// <c>POST /api/directline/token</c>. Authorization, CORS and rate limits are declared once on the route group.
/// </summary>
public static class DirectLineEndpoints
{
    public const string RoutePrefix = "/v3/directline";
    public const string TokenPath = "/api/directline/token";
    public const string CorsPolicy = "DirectLine";
    public const string TokenRateLimitPolicy = "DirectLineToken";

    private const int MaxStartBodyBytes = 4 * 1024;
    private const string EventType = "event";
    private const string NoStore = "no-store";

    /// <summary>
    /// Maps the Direct Line endpoints. They need the CORS, rate-limiting, WebSocket, authentication and authorization
    /// middleware, which the host adds.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, IssuePageTokenAsync)
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(TokenRateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("Direct Line");

        var group = app.MapGroup(RoutePrefix)
            .RequireAuthorization(DirectLineAuthentication.Policy)
            .RequireCors(CorsPolicy)
            .DisableAntiforgery()
            .WithTags("Direct Line");

        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", Resume);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        // Limited after the group's authorization, per the token's conversation: no token, no quota spent.
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync)
            .AddEndpointFilter<DirectLineMessageRateFilter>();
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync)
            .WithMetadata(new DirectLineStreamEndpointMetadata());
        return app;
    }

    /// <summary>The page's token: a new conversation, no secret involved (or Azure's token, when configured).</summary>
    private static async Task<IResult> IssuePageTokenAsync(
        HttpContext context,
        DirectLineOrigins origins,
        DirectLineTokenService tokens,
        AzureDirectLineTokenClient azure,
        IOptions<DirectLineOptions> options)
    {
        if (!origins.IsAllowed(context))
        {
            return ErrorResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "This site may not use the chat.");
        }

        context.Response.Headers.CacheControl = NoStore;
        if (options.Value.Azure.Enabled)
        {
            return await azure.GenerateAsync(context.RequestAborted) is { } azureToken
                ? TypedResults.Json(azureToken, BotJson.Options)
                : ErrorResults.Of(StatusCodes.Status502BadGateway, "ServiceError", "Azure Direct Line did not issue a token.");
        }

        var conversationId = DirectLineTokenService.NewConversationId();
        var token = tokens.Issue(conversationId, DirectLineTokenService.NewUserId());
        return TypedResults.Json(new WebChatTokenResponse(token, conversationId, tokens.LifetimeSeconds), BotJson.Options);
    }

    /// <summary><c>tokens/generate</c>: a back end holding the secret gets a token for a new conversation.</summary>
    private static async Task<IResult> GenerateAsync(HttpContext context, DirectLineTokenService tokens)
    {
        if (!DirectLineCaller.Of(context).IsSecret)
        {
            return ErrorResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "tokens/generate needs the Direct Line secret.");
        }

        var (start, error) = await ReadStartAsync(context.Request);
        if (error is not null)
        {
            return error;
        }

        var conversationId = DirectLineTokenService.NewConversationId();
        var token = tokens.Issue(conversationId, UserIdFor(start));
        context.Response.Headers.CacheControl = NoStore;
        return TypedResults.Json(new DirectLineConversationResponse(conversationId, token, tokens.LifetimeSeconds), BotJson.Options);
    }

    /// <summary><c>tokens/refresh</c>: a fresh token for the same conversation and user.</summary>
    private static IResult Refresh(HttpContext context, DirectLineTokenService tokens)
    {
        if (DirectLineCaller.Of(context).Grant is not { } grant)
        {
            return ErrorResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "Only a token can be refreshed.");
        }

        var token = tokens.Issue(grant.ConversationId, grant.UserId);
        context.Response.Headers.CacheControl = NoStore;
        return TypedResults.Json(new DirectLineConversationResponse(grant.ConversationId, token, tokens.LifetimeSeconds), BotJson.Options);
    }

    /// <summary><c>POST /conversations</c>: starts the token's conversation (201), or returns it again (200).</summary>
    private static async Task<IResult> StartAsync(
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        DirectLineBot bot,
        IOptions<DirectLineOptions> options)
    {
        var (start, error) = await ReadStartAsync(context.Request);
        if (error is not null)
        {
            return error;
        }

        var caller = DirectLineCaller.Of(context);
        var grant = caller.Grant ?? new DirectLineGrant(DirectLineTokenService.NewConversationId(), UserIdFor(start), IsStreamToken: false);
        var (conversation, created) = store.GetOrStart(grant.ConversationId, grant.UserId);
        if (created)
        {
            bot.ConversationStarted(conversation, start?.Locale);
        }

        var body = ConversationResponse(context, tokens, options.Value, conversation, watermark: null);
        return TypedResults.Json(body, BotJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// <c>GET /conversations/{id}</c>: resume or reconnect, with a new token and <c>streamUrl</c>. A token's conversation
    /// that was forgotten while idle starts again.
    /// </summary>
    private static IResult Resume(
        HttpContext context,
        string conversationId,
        string? watermark,
        DirectLineTokenService tokens,
        DirectLineConversationStore store,
        DirectLineBot bot,
        IOptions<DirectLineOptions> options)
    {
        var caller = DirectLineCaller.Of(context);
        DirectLineConversation? conversation;
        if (caller.Grant is { } grant)
        {
            (conversation, var created) = store.GetOrStart(grant.ConversationId, grant.UserId);
            if (created)
            {
                bot.ConversationStarted(conversation, locale: null);
            }
        }
        else if ((conversation = store.Find(conversationId)) is null)
        {
            return NotFound();
        }

        return TypedResults.Json(ConversationResponse(context, tokens, options.Value, conversation, watermark), BotJson.Options);
    }

    /// <summary>
    /// <c>GET …/activities?watermark=</c> (polling). Always 200 for a live conversation: DirectLineJS stops polling for
    /// good on any error other than 403/404.
    /// </summary>
    private static IResult GetActivities(string conversationId, string? watermark, DirectLineConversationStore store)
    {
        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound();
        }

        var (activities, next) = conversation.After(DirectLineConversation.ParseWatermark(watermark));
        return TypedResults.Json(new DirectLineActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)), BotJson.Options);
    }

    /// <summary>
    /// <c>POST …/activities</c>: stores the user's activity, which the client sees echoed with the returned id (that is how
    /// Web Chat marks it sent), and queues the bot's turn so this returns at once.
    /// </summary>
    private static async Task<IResult> PostActivityAsync(
        HttpContext context,
        string conversationId,
        DirectLineConversationStore store,
        DirectLineBot bot,
        IOptions<DirectLineOptions> options,
        TimeProvider time)
    {
        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound();
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

        var caller = DirectLineCaller.Of(context);
        var userId = caller.Grant?.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId))
        {
            return ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no from.id.");
        }

        // The token decides who is speaking, as Azure does; the rest (channelData.clientActivityID, locale …) is kept
        // unchanged for the echo.
        activity.From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" };
        activity.Recipient = bot.Account;
        activity.ServiceUrl = null;
        activity.DeliveryMode = null;
        var id = conversation.Append(activity, time.GetUtcNow());
        if (activity.Type == ActivityTypes.Message)
        {
            bot.MessageReceived(conversation, activity);
        }

        return TypedResults.Json(new DirectLineResourceResponse(id), BotJson.Options);
    }

    /// <summary>The <c>streamUrl</c>: a WebSocket of <c>ActivitySet</c> frames, authorised by its short-lived query token.</summary>
    private static async Task<IResult> StreamAsync(
        HttpContext context,
        string conversationId,
        string? watermark,
        DirectLineConversationStore store,
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

        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound();
        }

        if (!streamer.HasCapacity)
        {
            return Busy();
        }

        await streamer.StreamAsync(context, conversation, DirectLineConversation.ParseWatermark(watermark));
        return TypedResults.Empty;
    }

    private static DirectLineConversationResponse ConversationResponse(
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineOptions options,
        DirectLineConversation conversation,
        string? watermark)
    {
        var baseUrl = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : options.PublicBaseUrl.TrimEnd('/');
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "wss://" + baseUrl["https://".Length..]
            : "ws://" + baseUrl[(baseUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var streamUrl = $"{socketBase}{RoutePrefix}/conversations/{Uri.EscapeDataString(conversation.Id)}/stream"
            + $"?t={Uri.EscapeDataString(tokens.IssueStreamToken(conversation.Id, conversation.UserId))}";
        if (DirectLineConversation.ParseWatermark(watermark) is > 0 and var resumeFrom)
        {
            streamUrl += "&watermark=" + resumeFrom.ToString(CultureInfo.InvariantCulture);
        }

        // The body carries a token: no browser or proxy cache may keep it.
        context.Response.Headers.CacheControl = NoStore;
        return new DirectLineConversationResponse(
            conversation.Id,
            tokens.Issue(conversation.Id, conversation.UserId),
            tokens.LifetimeSeconds,
            streamUrl);
    }

    private static async Task<(DirectLineStartRequest? Start, IResult? Error)> ReadStartAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return (null, null);
        }

        // The start body is tiny; reading at most a few KB keeps a chunked body from growing without limit.
        byte[]? body;
        try
        {
            body = await ReadBoundedAsync(request.Body, MaxStartBodyBytes, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException)
        {
            return (null, ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "The body could not be read."));
        }

        if (body is null)
        {
            return (null, ErrorResults.Of(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "The body is too large."));
        }

        DirectLineStartRequest? start;
        try
        {
            start = body.Length == 0 ? null : JsonSerializer.Deserialize<DirectLineStartRequest>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return (null, ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON."));
        }

        // The locale ends up in stored activities, so only a language tag is taken (never text that cannot be sent back).
        if (start?.Locale is { } locale && (locale.Length > 35 || !locale.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return (null, ErrorResults.Of(StatusCodes.Status400BadRequest, "BadArgument", "The locale is not a language tag."));
        }

        return (start, null);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A back end may name the user with a <c>dl_</c> id (as with Azure); anything else gets a fresh id.</summary>
    private static string UserIdFor(DirectLineStartRequest? start) =>
        start?.User?.Id is { Length: > 3 and <= 64 } id && id.StartsWith("dl_", StringComparison.Ordinal)
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? id : DirectLineTokenService.NewUserId();

    private static IResult NotFound() =>
        ErrorResults.Of(StatusCodes.Status404NotFound, "BadArgument", "The conversation does not exist or has ended.");

    private static IResult Busy() =>
        ErrorResults.Of(StatusCodes.Status429TooManyRequests, "TooManyRequests", "The chat is busy; try again shortly.");
}
