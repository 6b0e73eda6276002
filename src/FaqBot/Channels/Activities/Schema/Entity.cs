using System.Text.Json;
using System.Text.Json.Serialization;

namespace FaqBot.Channels.Activities.Schema;

/// <summary>
/// An entry of <c>entities</c>. Entity types are open-ended (mention, clientInfo, schema.org …), so the properties other
/// than <c>type</c> are kept as raw JSON and read or written through typed views.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Reads this entity as <typeparamref name="T"/> (e.g. <see cref="Mention"/>).</summary>
    public T? As<T>() => JsonSerializer.SerializeToElement(this, BotJson.Options).Deserialize<T>(BotJson.Options);

    /// <summary>Builds an entity from a typed view whose JSON includes <c>type</c>.</summary>
    public static Entity From<T>(T value) =>
        JsonSerializer.SerializeToElement(value, BotJson.Options).Deserialize<Entity>(BotJson.Options)
        ?? throw new InvalidOperationException("An entity cannot be null.");
}

/// <summary>A Teams/Bot Framework mention: <c>text</c> is the <c>&lt;at&gt;Name&lt;/at&gt;</c> span in the message text.</summary>
public sealed class Mention
{
    public const string EntityType = "mention";

    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }
}
