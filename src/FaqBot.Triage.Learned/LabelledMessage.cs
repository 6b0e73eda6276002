namespace FaqBot.Triage.Learned;

/// <summary>One labelled test message: written for evaluation, never a real patient's.</summary>
/// <param name="Text">The message.</param>
/// <param name="IsRedFlag">Whether it describes a red flag.</param>
/// <param name="Note">The set's note (often names the kind); empty for QA questions.</param>
public sealed record LabelledMessage(string Text, bool IsRedFlag, string Note);
