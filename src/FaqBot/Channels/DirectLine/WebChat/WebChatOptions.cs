namespace FaqBot.Channels.DirectLine.WebChat;

/// <summary>How the chat page and the embed button look (section <c>WebChat</c>); the clinic edits these.</summary>
public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary><c>WebChat:ClinicName</c>: shown in the page header and the page title.</summary>
    public string ClinicName { get; set; } = "Klinikken";

    /// <summary><c>WebChat:Subtitle</c>: one line under the name.</summary>
    public string Subtitle { get; set; } = "Spørg om iskias – svarene kommer fra klinikkens vejledning.";

    /// <summary><c>WebChat:AccentColor</c>: buttons, links and the patient's bubbles (#rgb or #rrggbb).</summary>
    public string AccentColor { get; set; } = "#00635a";

    /// <summary><c>WebChat:HeaderColor</c> and <c>WebChat:HeaderTextColor</c>.</summary>
    public string HeaderColor { get; set; } = "#00635a";

    /// <inheritdoc cref="HeaderColor"/>
    public string HeaderTextColor { get; set; } = "#ffffff";

    /// <summary><c>WebChat:BotAvatarImage</c>: URL of the bot's avatar; empty shows <see cref="BotAvatarInitials"/>.</summary>
    public string? BotAvatarImage { get; set; }

    /// <summary><c>WebChat:BotAvatarInitials</c>.</summary>
    public string BotAvatarInitials { get; set; } = "K";

    /// <summary><c>WebChat:UserAvatarInitials</c>.</summary>
    public string UserAvatarInitials { get; set; } = "Dig";

    /// <summary><c>WebChat:ButtonLabel</c>: the embed button's text.</summary>
    public string ButtonLabel { get; set; } = "Spørg om iskias";

    /// <summary><c>WebChat:WebSocket</c>: false makes Web Chat poll (for proxies that block WebSockets).</summary>
    public bool WebSocket { get; set; } = true;

    /// <summary><c>WebChat:BundlePath</c>: a <c>webchat.js</c> to serve instead of the one the build copied from npm.</summary>
    public string? BundlePath { get; set; }
}
