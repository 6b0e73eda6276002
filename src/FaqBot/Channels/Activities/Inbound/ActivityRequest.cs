using System.Text.Json;
using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.Activities.Inbound;

/// <summary>
/// An inbound activity body, read with a size limit. A bad body is a value here, not an exception, so a channel's
/// endpoint can answer 400/413 with a Bot Framework error body instead of the framework's empty 400 or a 500.
/// </summary>
public sealed class ActivityRequest
{
    /// <summary>
    /// How deeply an inbound activity may nest. Below <see cref="BotJson.Options"/>' limit, so the activity still fits when
    /// it is written back inside an <c>ActivitySet</c> or <c>ExpectedReplies</c> envelope.
    /// </summary>
    public const int MaxDepth = 24;

    /// <summary>The longest id, type, locale, serviceUrl or other short field accepted; text is bounded by the body size.</summary>
    public const int MaxFieldLength = 1024;

    private static readonly JsonSerializerOptions InboundOptions = new(BotJson.Options) { MaxDepth = MaxDepth };

    private ActivityRequest(Activity? activity, int status, ErrorResponse? error)
    {
        Activity = activity;
        ErrorStatus = status;
        Error = error;
    }

    /// <summary>The activity, when the body was valid.</summary>
    public Activity? Activity { get; }

    /// <summary>400 or 413 when the body was not accepted.</summary>
    public int ErrorStatus { get; }

    /// <summary>Why the body was not accepted.</summary>
    public ErrorResponse? Error { get; }

    /// <summary>Reads and validates the activity in <paramref name="request"/>'s body, at most <paramref name="maxBytes"/> long.</summary>
    public static async Task<ActivityRequest> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        byte[]? body;
        try
        {
            body = await BoundedBody.ReadAsync(request.Body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own limits and broken chunking surface here; they are the client's fault, not a 500.
            return exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxBytes)
                : Invalid("The request body could not be read.");
        }

        if (body is null)
        {
            return TooLarge(maxBytes);
        }

        if (body.Length == 0)
        {
            return Invalid("The request body is empty; an activity was expected.");
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, InboundOptions);
        }
        catch (JsonException)
        {
            // The parser's message can quote the body, which may be what a patient wrote, so it is not echoed.
            return Invalid("The request body is not a valid activity.");
        }

        if (activity is null)
        {
            return Invalid("The request body is not a valid activity.");
        }

        return Validate(activity) is { } problem ? Invalid(problem) : new ActivityRequest(activity, StatusCodes.Status200OK, null);
    }

    /// <summary>
    /// What makes an activity unusable even though it parsed: a field of the wrong shape for what the bot reads, an
    /// over-long id, or a value that cannot be written back (a lone UTF-16 surrogate). Checked here, once, so turns and
    /// stored conversations never meet such an activity.
    /// </summary>
    private static string? Validate(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        string?[] fields =
        [
            activity.Type, activity.Id, activity.ServiceUrl, activity.ChannelId, activity.TextFormat, activity.Locale,
            activity.Action, activity.ReplyToId, activity.Name, activity.DeliveryMode, activity.Conversation?.Id,
            activity.Conversation?.ConversationType, activity.Conversation?.TenantId, activity.From?.Id, activity.From?.Role,
            activity.Recipient?.Id, activity.Recipient?.Role,
        ];
        if (fields.Any(field => field?.Length > MaxFieldLength))
        {
            return $"An id or other short field of the activity is longer than {MaxFieldLength} characters.";
        }

        if (activity.MembersAdded?.Contains(null!) == true || activity.MembersRemoved?.Contains(null!) == true)
        {
            return "membersAdded and membersRemoved must list account objects.";
        }

        foreach (var entity in activity.Entities ?? [])
        {
            if (entity is null)
            {
                return "The activity has a null entity.";
            }

            if (string.Equals(entity.Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase) && !IsMention(entity))
            {
                return "A mention entity must have mentioned as an account object and text as a string.";
            }
        }

        try
        {
            // A stored or echoed activity must serialise; ids and strings that cannot (lone surrogates) stop here.
            JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options);
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or InvalidOperationException)
        {
            return "The activity contains text that is not valid Unicode.";
        }

        return null;
    }

    private static bool IsMention(Entity entity)
    {
        try
        {
            return entity.As<Mention>() is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ActivityRequest Invalid(string message) =>
        new(null, StatusCodes.Status400BadRequest, ErrorResponse.Of("BadArgument", message));

    private static ActivityRequest TooLarge(int maxBytes) =>
        new(null, StatusCodes.Status413PayloadTooLarge, ErrorResponse.Of("MessageSizeTooBig", $"The activity is larger than {maxBytes} bytes."));
}
