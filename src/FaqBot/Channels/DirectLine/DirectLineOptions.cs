namespace FaqBot.Channels.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 endpoint (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// <c>DirectLine:TokenSigningKey</c>: base64 HMAC key (≥ 32 bytes). Empty: a random key per process, so tokens do not
    /// survive a restart; set it when several instances serve one site.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>
    /// <c>DirectLine:Secret</c>: optional server-side secret for <c>tokens/generate</c> and starting conversations from a
    /// trusted back end. Never put it in a web page. Empty disables secret access.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary><c>DirectLine:TokenLifetime</c>: DirectLineJS refreshes every 15 minutes and assumes 30, so at least 30 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary><c>DirectLine:StreamTokenLifetime</c>: how long a <c>streamUrl</c> may wait before it is opened.</summary>
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary><c>DirectLine:AllowedOrigins</c>: the clinic's website origins (e.g. <c>https://klinik.dk</c>) allowed by CORS.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary><c>DirectLine:PublicBaseUrl</c>: the bot's public URL behind a reverse proxy; empty uses the request's host.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><c>DirectLine:IdleTimeout</c>: a conversation without any request for this long is forgotten.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// <c>DirectLine:MaxConversations</c>: conversations kept in memory; starting one more forgets the least recently
    /// used one (one without an open WebSocket first).
    /// </summary>
    public int MaxConversations { get; set; } = 5000;

    /// <summary><c>DirectLine:MaxActivitiesPerConversation</c>: older activities are dropped beyond this.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary><c>DirectLine:MaxOpenSockets</c>: WebSocket streams open at once; more get 429 (the client then reconnects).</summary>
    public int MaxOpenSockets { get; set; } = 1000;

    /// <summary><c>DirectLine:MaxActivityBytes</c>: larger posted activities get 413.</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// <c>DirectLine:MaxConversationBytes</c>: the JSON size of one conversation's activities; the oldest are dropped
    /// beyond it (the newest always stays).
    /// </summary>
    public long MaxConversationBytes { get; set; } = 512 * 1024;

    /// <summary>
    /// <c>DirectLine:MaxTotalBytes</c>: the JSON size of all conversations' activities; beyond it the least recently used
    /// conversations are forgotten. The process needs roughly two to three times this in memory.
    /// </summary>
    public long MaxTotalBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary><c>DirectLine:TokenRequestsPerMinute</c>: <c>POST /api/directline/token</c> calls per client IP.</summary>
    public int TokenRequestsPerMinute { get; set; } = 20;

    /// <summary><c>DirectLine:MessagesPerMinute</c>: activities a conversation may post per minute.</summary>
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>
    /// <c>DirectLine:TurnLease</c>: how long a replica's claim on a conversation's pending turns lasts without being
    /// renewed (each turn renews it). A replica that dies mid-turn leaves the turn to another after this long, so it is
    /// also the longest a patient waits for a reply after such a crash (plus <see cref="TurnRecoveryInterval"/>). It must
    /// exceed the longest turn (<c>BotChannel:TurnBudget</c>, 5 s), or a slow replica loses its turns to another.
    /// </summary>
    public TimeSpan TurnLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary><c>DirectLine:TurnRecoveryInterval</c>: how often each replica looks for pending turns nobody answers.</summary>
    public TimeSpan TurnRecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>DirectLine:BotId</c> and <c>DirectLine:BotName</c>: how the bot appears in the conversation.</summary>
    public string BotId { get; set; } = "faqbot";

    /// <inheritdoc cref="BotId"/>
    public string BotName { get; set; } = "Klinikkens chatbot";

    /// <summary>
    /// <c>DirectLine:Azure:Secret</c>: when set, the page uses Azure's Direct Line instead of this server's, and
    /// <c>/api/directline/token</c> exchanges the secret for a token server-side.
    /// </summary>
    public AzureDirectLineOptions Azure { get; set; } = new();
}

/// <summary>Azure Bot Service's Direct Line channel, for a clinic with an Azure Bot registration.</summary>
public sealed class AzureDirectLineOptions
{
    /// <summary><c>DirectLine:Azure:Secret</c>: the Direct Line channel secret (server-side only).</summary>
    public string? Secret { get; set; }

    /// <summary><c>DirectLine:Azure:Domain</c>: e.g. <c>https://europe.directline.botframework.com/v3/directline</c>.</summary>
    public string Domain { get; set; } = "https://directline.botframework.com/v3/directline";

    public bool Enabled => !string.IsNullOrWhiteSpace(Secret);
}
