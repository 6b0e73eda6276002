namespace FaqBot.Analysis;

/// <summary>How long a word may be for the analysis to guess at it.</summary>
public static class WordLimits
{
    /// <summary>
    /// The longest word typo correction and compound splitting look at. Both cost more than linear time in a word's
    /// length (every split is tried and recursed into; two-edit correction probes every pair of deletions), and no
    /// Danish word a patient writes comes near it: the longest in the shipped articles has 21 letters, in the test
    /// messages 26. A longer "word" is a link, a pasted code or keyboard mashing; it is kept as an exact term only.
    /// </summary>
    public const int MaxGuessedLength = 40;

    /// <summary>Whether <paramref name="word"/> is short enough to be typo-corrected or split as a compound.</summary>
    public static bool IsGuessable(string word) => word.Length <= MaxGuessedLength;
}
