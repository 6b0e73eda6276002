namespace FaqBot.Triage;

/// <summary>
/// A second opinion on a message the red-flag rules found nothing in (issue #10, 2b): a learned classifier may still
/// flag it, with the kind it predicts. The rules always decide first; the second opinion can only add a red flag.
/// </summary>
public interface IRedFlagSecondOpinion
{
    /// <summary>
    /// The kind of red flag <paramref name="message"/> probably describes, or null: none, or no opinion (its model is
    /// not loaded, missing or broken). Never throws for a message.
    /// </summary>
    string? Consult(string message);
}
