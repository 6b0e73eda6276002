using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Tests.TestSupport;

/// <summary>Inbound activities as channels send them, as JSON (so tests do not depend on the bot's own schema types).</summary>
public static class Activities
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";
    public const string TeamsConversationId = "a:1xYz;messageid=1712345678901@thread.v2";

    public static JsonObject Message(string text, string channelId = "emulator", string serviceUrl = "http://localhost:50000/", string? deliveryMode = "expectReplies") =>
        WithDelivery(
            new JsonObject
            {
                ["type"] = "message",
                ["id"] = "1712345678901",
                ["timestamp"] = "2026-11-21T10:00:00.000Z",
                ["channelId"] = channelId,
                ["serviceUrl"] = serviceUrl,
                ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Patient" },
                ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" },
                ["conversation"] = new JsonObject { ["id"] = TeamsConversationId, ["conversationType"] = "personal" },
                ["text"] = text,
                ["locale"] = "da-DK",
            },
            deliveryMode);

    public static JsonObject MembersAdded(string channelId, string conversationType, params string[] memberIds) =>
        WithDelivery(
            new JsonObject
            {
                ["type"] = "conversationUpdate",
                ["id"] = "f:update-1",
                ["channelId"] = channelId,
                ["serviceUrl"] = "http://localhost:50000/",
                ["from"] = new JsonObject { ["id"] = UserId },
                ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "FaqBot" },
                ["conversation"] = new JsonObject { ["id"] = "conv-welcome", ["conversationType"] = conversationType },
                ["membersAdded"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
            },
            "expectReplies");

    public static JsonObject Invoke(string name, JsonNode? value, string replyToId = "reply-1") => new()
    {
        ["type"] = "invoke",
        ["id"] = "invoke-1",
        ["name"] = name,
        ["channelId"] = "msteams",
        ["serviceUrl"] = "http://localhost:50000/",
        ["from"] = new JsonObject { ["id"] = UserId },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = TeamsConversationId, ["conversationType"] = "personal" },
        ["replyToId"] = replyToId,
        ["value"] = value,
    };

    public static JsonObject Feedback(string reaction, string replyToId, string comment = "{\"feedbackText\":\"min ryg gør ondt\"}") =>
        Invoke(
            "message/submitAction",
            new JsonObject
            {
                ["actionName"] = "feedback",
                ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = comment },
            },
            replyToId);

    /// <summary>POSTs and returns the <c>activities</c> of an expectReplies response.</summary>
    public static async Task<JsonArray> ExpectRepliesAsync(HttpClient client, JsonObject activity)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonObject WithDelivery(JsonObject activity, string? deliveryMode)
    {
        if (deliveryMode is not null)
        {
            activity["deliveryMode"] = deliveryMode;
        }

        return activity;
    }
}
