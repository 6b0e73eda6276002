namespace FaqBot.Channels.Activities.Schema;

/// <summary>The body of a <c>deliveryMode: expectReplies</c> response.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>The Connector's answer to a sent activity: the id the channel gave it.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>The Bot Framework error body, <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail Error)
{
    public static ErrorResponse Of(string code, string message) => new(new ErrorDetail(code, message));
}

/// <summary>The code and message of an <see cref="ErrorResponse"/>.</summary>
public sealed record ErrorDetail(string Code, string Message);
