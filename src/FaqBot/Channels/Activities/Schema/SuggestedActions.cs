namespace FaqBot.Channels.Activities.Schema;

/// <summary>Buttons shown under the last message until the user answers.</summary>
public sealed class SuggestedActions
{
    /// <summary>Who sees the buttons (user ids).</summary>
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

/// <summary>A button; <c>imBack</c> posts <see cref="Value"/> as if the user had typed it.</summary>
public sealed class CardAction
{
    public const string ImBack = "imBack";

    public string Type { get; set; } = ImBack;
    public string? Title { get; set; }
    public string? Value { get; set; }
}
