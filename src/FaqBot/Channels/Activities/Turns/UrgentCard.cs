using System.Text.Json.Nodes;
using FaqBot.Conversation;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>
/// The urgent advice as an Adaptive Card, so it never looks like an ordinary answer: an "attention" (red) container
/// with a warning heading and the advice, and a tap-to-call button per number (<c>tel:112</c>, the out-of-hours
/// doctor). Web Chat 4.18 and Teams both render it; version 1.3 keeps Teams' mobile clients in.
/// </summary>
public static class UrgentCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Heading = "⚠️ Vigtigt – det kan haste";

    /// <summary>
    /// The advice followed by a Markdown <c>tel:</c> link per number, the activity's text. Teams shows the text above
    /// the card, and its desktop and web clients ignore <c>tel:</c> in a card's Action.OpenUrl (microsoft/AdaptiveCards
    /// #3905) while they do open it from a link in a text message; channels without cards get the links too.
    /// </summary>
    public static string WithCallLinks(string markdown, IReadOnlyList<PhoneCall> calls) =>
        calls.Count == 0 ? markdown : $"{markdown}\n\n{string.Join(" · ", calls.Select(call => $"[{call.Label}]({call.TelUri})"))}";

    /// <summary>The Bot Framework attachment holding the card for <paramref name="markdown"/>; <paramref name="fallbackText"/> is the activity's text.</summary>
    public static JsonObject Attachment(string markdown, IReadOnlyList<PhoneCall> calls, string fallbackText) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = Card(markdown, calls, fallbackText),
    };

    private static JsonObject Card(string markdown, IReadOnlyList<PhoneCall> calls, string fallbackText) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.3",
        ["fallbackText"] = fallbackText,
        ["body"] = new JsonArray(new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "attention",
            ["bleed"] = true,
            ["items"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = Heading,
                    ["size"] = "Large",
                    ["weight"] = "Bolder",
                    ["color"] = "Attention",
                    ["wrap"] = true,
                },
                // TextBlock renders the same Markdown subset the advice uses (bold, links, line breaks).
                new JsonObject
                {
                    ["type"] = "TextBlock",
                    ["text"] = markdown,
                    ["wrap"] = true,
                }),
        }),
        ["actions"] = new JsonArray([.. calls.Select((call, index) => (JsonNode?)new JsonObject
        {
            ["type"] = "Action.OpenUrl",
            ["title"] = call.Label,
            ["url"] = call.TelUri,
            // 112 first and red; the out-of-hours number as the calmer alternative.
            ["style"] = index == 0 ? "destructive" : "positive",
        })]),
    };
}
