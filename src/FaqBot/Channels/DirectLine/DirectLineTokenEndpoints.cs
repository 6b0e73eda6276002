using FaqBot.Channels.Activities.Schema;
using FaqBot.Channels.DirectLine.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>The token endpoints: the page's token, and Direct Line's <c>tokens/generate</c> and <c>tokens/refresh</c>.</summary>
internal static class DirectLineTokenEndpoints
{
    /// <summary>The page's token: a new conversation, no secret involved (or Azure's token, when configured).</summary>
    public static async Task<Results<JsonHttpResult<WebChatTokenResponse>, JsonHttpResult<ErrorResponse>>> IssuePageTokenAsync(
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

        NoStore(context);
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
    public static async Task<Results<JsonHttpResult<DirectLineConversationResponse>, JsonHttpResult<ErrorResponse>>> GenerateAsync(
        HttpContext context,
        DirectLineTokenService tokens)
    {
        if (!DirectLineCaller.Of(context).IsSecret)
        {
            return ErrorResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "tokens/generate needs the Direct Line secret.");
        }

        var (start, error) = await DirectLineStartBody.ReadAsync(context.Request);
        if (error is not null)
        {
            return error;
        }

        var conversationId = DirectLineTokenService.NewConversationId();
        return Issued(context, tokens, conversationId, DirectLineStartBody.UserIdFor(start));
    }

    /// <summary><c>tokens/refresh</c>: a fresh token for the same conversation and user.</summary>
    public static Results<JsonHttpResult<DirectLineConversationResponse>, JsonHttpResult<ErrorResponse>> Refresh(
        HttpContext context,
        DirectLineTokenService tokens) =>
        DirectLineCaller.Of(context).Grant is { } grant
            ? Issued(context, tokens, grant.ConversationId, grant.UserId)
            : ErrorResults.Of(StatusCodes.Status403Forbidden, "Forbidden", "Only a token can be refreshed.");

    /// <summary>A body that carries a token: no browser or proxy cache may keep it.</summary>
    internal static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static JsonHttpResult<DirectLineConversationResponse> Issued(HttpContext context, DirectLineTokenService tokens, string conversationId, string userId)
    {
        NoStore(context);
        return TypedResults.Json(
            new DirectLineConversationResponse(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds),
            BotJson.Options);
    }
}
