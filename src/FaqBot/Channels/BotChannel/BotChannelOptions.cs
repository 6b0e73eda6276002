namespace FaqBot.Channels.BotChannel;

/// <summary>
/// Settings of the Bot Framework channel. The credentials use the Bot Framework SDK's names at the configuration root
/// (<c>MicrosoftAppId</c> …) so an Azure Bot's App Service settings work unchanged; the rest lives under <c>BotChannel</c>.
/// </summary>
public sealed class BotChannelOptions
{
    public const string SectionName = "BotChannel";

    /// <summary><c>MicrosoftAppType</c>: MultiTenant (default), SingleTenant or UserAssignedMSI.</summary>
    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary><c>MicrosoftAppId</c>; empty means anonymous local development (the Emulator).</summary>
    public string? AppId { get; set; }

    /// <summary><c>MicrosoftAppPassword</c>: the client secret (not for UserAssignedMSI).</summary>
    public string? AppPassword { get; set; }

    /// <summary><c>MicrosoftAppTenantId</c>: required for SingleTenant and UserAssignedMSI.</summary>
    public string? AppTenantId { get; set; }

    /// <summary><c>BotOpenIdMetadata</c>: OpenID metadata of the Bot Framework channels' token issuer.</summary>
    public string ChannelOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary><c>BotChannel:EmulatorOpenIdMetadata</c>: OpenID metadata of Entra ID, which issues Emulator tokens.</summary>
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary><c>BotChannel:OAuthAuthorityHost</c>: where outbound tokens come from.</summary>
    public string OAuthAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary><c>BotChannel:ConnectorScope</c>: the scope of outbound Connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary><c>BotChannel:MaxRequestBytes</c>: larger activity bodies get 413.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary><c>BotChannel:ConnectorRetries</c>: retries of a Connector call on 429, 412 or 5xx.</summary>
    public int ConnectorRetries { get; set; } = 3;

    /// <summary><c>BotChannel:ConnectorRetryBaseDelay</c>: first back-off delay when no Retry-After is given.</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>BotChannel:OutboxLease</c>: how long a replica's claim on a conversation's delivery queue lasts unrenewed (it is
    /// renewed every third of it while delivering). After a replica dies, another delivers what it left after this long.
    /// </summary>
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary><c>BotChannel:OutboxRecoveryInterval</c>: how often each replica looks for delivery queues nobody delivers.</summary>
    public TimeSpan OutboxRecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>BotChannel:FeedbackFile</c>: append-only JSON-lines file for feedback; empty keeps it in memory.</summary>
    public string? FeedbackFile { get; set; }

    /// <summary>
    /// <c>BotChannel:AllowAnonymous</c>: without <c>MicrosoftAppId</c>, whether <c>/api/messages</c> takes unauthenticated
    /// requests (the Emulator, local development). Unset: on in the Development environment, off elsewhere. Direct Line
    /// (the web chat) never needs it.
    /// </summary>
    public bool? AllowAnonymous { get; set; }

    /// <summary><c>BotChannel:AnonymousRequestsPerMinute</c>: per client address, when anonymous requests are allowed.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 120;

    /// <summary>Whether inbound requests must carry a channel token.</summary>
    public bool RequiresAuthentication => !string.IsNullOrWhiteSpace(AppId);
}

/// <summary>How the bot's Entra identity is set up (<c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
