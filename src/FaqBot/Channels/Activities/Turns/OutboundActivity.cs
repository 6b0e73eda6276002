using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>
/// One activity of a turn's answer, with the passage it shows carried beside it, so a channel that must remember what it
/// sent (Teams feedback) never reads it back out of the activity's <c>channelData</c>.
/// </summary>
/// <param name="Activity">The activity to send or show.</param>
/// <param name="PassageId">The passage the bubble answers with; null for the welcome, the screening question and the like.</param>
public sealed record OutboundActivity(Activity Activity, string? PassageId);
