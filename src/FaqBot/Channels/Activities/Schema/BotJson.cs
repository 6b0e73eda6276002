using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.Channels.Activities.Schema;

/// <summary>The JSON conventions of the Bot Framework protocol: camelCase, nulls left out.</summary>
public static class BotJson
{
    /// <summary>Options for reading and writing activities.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Channels send deeply nested cards rarely; a low limit keeps hostile bodies cheap to reject.
        MaxDepth = 32,
    };
}
