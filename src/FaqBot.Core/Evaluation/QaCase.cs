namespace FaqBot.Evaluation;

/// <summary>One row of a QA evaluation file.</summary>
/// <param name="Question">What a patient asks.</param>
/// <param name="Expected">Passage ids that answer it well (any one counts); empty when the bot must decline (NONE).</param>
/// <param name="Style">plain, colloquial, typo, english, …</param>
/// <param name="Line">The row's line in the file.</param>
public sealed record QaCase(string Question, IReadOnlyList<string> Expected, string Style, int Line)
{
    /// <summary>Whether the bot should decline.</summary>
    public bool ExpectsNone => Expected.Count == 0;
}
