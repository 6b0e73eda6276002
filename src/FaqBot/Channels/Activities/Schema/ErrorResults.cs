using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.Channels.Activities.Schema;

/// <summary>How every channel answers an error: the Bot Framework <see cref="ErrorResponse"/> body with its status.</summary>
public static class ErrorResults
{
    /// <summary>The error as an endpoint's result.</summary>
    public static JsonHttpResult<ErrorResponse> Of(int status, string code, string message) =>
        TypedResults.Json(ErrorResponse.Of(code, message), BotJson.Options, statusCode: status);

    /// <summary>The error written straight to the response, where no endpoint runs (authentication, rate limiting).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        Of(status, code, message).ExecuteAsync(context);
}
