using System.Text.Json.Serialization;
using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.DirectLine;

/// <summary>Direct Line 3.0 <c>Conversation</c>: what starting, resuming and token calls return.</summary>
public sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);

/// <summary>Direct Line 3.0 <c>ActivitySet</c>; the watermark is a string, never null once there are activities.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<Activity> Activities, string Watermark);

/// <summary>The answer to a posted activity: the id the echo carries, which Web Chat matches to mark it sent.</summary>
public sealed record DirectLineResourceResponse(string Id);

/// <summary>The body of <c>POST /conversations</c> and <c>tokens/generate</c>; both fields optional.</summary>
public sealed record DirectLineStartRequest(ChannelAccount? User, string? Locale);

/// <summary>What <c>POST /api/directline/token</c> returns to the page.</summary>
public sealed record WebChatTokenResponse(
    string Token,
    string? ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);
