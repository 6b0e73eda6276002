using System.Text.Json.Serialization;

namespace FaqBot.Channels.Activities.Schema;

/// <summary>
/// The schema.org <c>Message</c> entity Teams and Web Chat read citations from. At most one per activity, and
/// <c>@id</c> must be present (empty) for Web Chat.
/// </summary>
public sealed class OrgSchemaMessage
{
    public string Type { get; init; } = "https://schema.org/Message";

    [JsonPropertyName("@type")]
    public string AtType { get; init; } = "Message";

    [JsonPropertyName("@context")]
    public string AtContext { get; init; } = "https://schema.org";

    [JsonPropertyName("@id")]
    public string AtId { get; init; } = "";

    public List<OrgSchemaClaim> Citation { get; init; } = [];
}

/// <summary>One citation; <see cref="Position"/> matches the <c>[n]</c> marker in the text.</summary>
public sealed class OrgSchemaClaim
{
    [JsonPropertyName("@type")]
    public string AtType { get; init; } = "Claim";

    public int Position { get; init; }

    public required OrgSchemaDocument Appearance { get; init; }
}

/// <summary>The cited document as Teams shows it: name ≤ 80 characters, abstract ≤ 160.</summary>
public sealed class OrgSchemaDocument
{
    [JsonPropertyName("@type")]
    public string AtType { get; init; } = "DigitalDocument";

    public required string Name { get; init; }
    public string? Url { get; init; }
    public string? Abstract { get; init; }
}
