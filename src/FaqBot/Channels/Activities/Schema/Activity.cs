using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaqBot.Channels.Activities.Schema;

/// <summary>A Bot Framework activity, limited to the fields this bot reads or writes; others are kept as they came.</summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Action { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Entity>? Entities { get; set; }
    /// <summary>Any JSON value on the wire (inbound attachments are never read); this bot writes an array of cards.</summary>
    public JsonNode? Attachments { get; set; }
    /// <summary>Any JSON value on the wire; this bot only writes objects.</summary>
    public JsonNode? ChannelData { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? DeliveryMode { get; set; }

    /// <summary>
    /// Fields this bot does not model (timestamp, localTimestamp …), kept raw so nothing is lost and a
    /// format this bot does not need can never make a valid activity fail to parse.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
