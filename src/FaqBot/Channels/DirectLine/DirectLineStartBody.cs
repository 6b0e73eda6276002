using System.Text.Json;
using FaqBot.Channels.Activities.Inbound;
using FaqBot.Channels.Activities.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FaqBot.Channels.DirectLine;

/// <summary>The optional body of starting a conversation or generating a token: the user's id and locale.</summary>
internal static class DirectLineStartBody
{
    private const int MaxBytes = 4 * 1024;

    /// <summary>The start request (null for an empty body), or the 400/413 error that answers a bad one.</summary>
    public static async Task<(DirectLineStartRequest? Start, JsonHttpResult<ErrorResponse>? Error)> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return (null, null);
        }

        // The start body is tiny; reading at most a few KB keeps a chunked body from growing without limit.
        byte[]? body;
        try
        {
            body = await BoundedBody.ReadAsync(request.Body, MaxBytes, request.HttpContext.RequestAborted);
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

    /// <summary>A back end may name the user with a <c>dl_</c> id (as with Azure); anything else gets a fresh id.</summary>
    public static string UserIdFor(DirectLineStartRequest? start) =>
        start?.User?.Id is { Length: > 3 and <= 64 } id && id.StartsWith("dl_", StringComparison.Ordinal)
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? id : DirectLineTokenService.NewUserId();
}
