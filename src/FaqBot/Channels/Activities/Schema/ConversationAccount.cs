namespace FaqBot.Channels.Activities.Schema;

/// <summary>The conversation an activity belongs to; <see cref="Id"/> is opaque and may contain <c>:;@</c>.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public bool? IsGroup { get; set; }
    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? Name { get; set; }
}
