using FaqBot.Channels.Activities.Storage;
using FaqBot.Channels.DirectLine.Authentication;

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

    /// <summary>
    /// Maps the Direct Line endpoints. They need the CORS, rate-limiting, WebSocket, authentication and authorization
    /// middleware, which the host adds.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        app.MapPost(TokenPath, DirectLineTokenEndpoints.IssuePageTokenAsync)
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(TokenRateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("Direct Line");

        var group = app.MapGroup(RoutePrefix)
            .RequireAuthorization(DirectLineAuthentication.Policy)
            .RequireCors(CorsPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter<StorageUnavailableFilter>()
            .WithTags("Direct Line");

        group.MapPost("/tokens/generate", DirectLineTokenEndpoints.GenerateAsync);
        group.MapPost("/tokens/refresh", DirectLineTokenEndpoints.Refresh);
        group.MapPost("/conversations", DirectLineConversationEndpoints.StartAsync);
        group.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.ResumeAsync);
        group.MapGet("/conversations/{conversationId}/activities", DirectLineConversationEndpoints.GetActivitiesAsync);
        // Limited after the group's authorization, per the token's conversation: no token, no quota spent.
        group.MapPost("/conversations/{conversationId}/activities", DirectLineConversationEndpoints.PostActivityAsync)
            .AddEndpointFilter<DirectLineMessageRateFilter>();
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.StreamAsync)
            .WithMetadata(new DirectLineStreamEndpointMetadata());
        return app;
    }
}
