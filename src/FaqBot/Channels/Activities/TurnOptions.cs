namespace FaqBot.Channels.Activities;

/// <summary>
/// Settings every channel's turns share. They keep their <c>BotChannel:</c> keys, which deployments already set, though
/// Direct Line turns obey them too.
/// </summary>
public sealed class TurnOptions
{
    public const string SectionName = "BotChannel";

    /// <summary><c>BotChannel:MaxQueuedRepliesPerConversation</c>: turns waiting in one conversation; more are refused.</summary>
    public int MaxQueuedRepliesPerConversation { get; set; } = 16;

    /// <summary><c>BotChannel:MaxQueuedReplies</c>: turns waiting in all conversations together; more are refused.</summary>
    public int MaxQueuedReplies { get; set; } = 1000;

    /// <summary>
    /// <c>BotChannel:TurnBudget</c>: how long composing one reply may take before the patient gets the apology (with
    /// urgent guidance) instead. A reply normally takes a millisecond; the budget only stops a runaway turn, well
    /// inside the 15 seconds Bot Framework channels wait.
    /// </summary>
    public TimeSpan TurnBudget { get; set; } = TimeSpan.FromSeconds(5);
}
