using System.Text.RegularExpressions;

namespace FaqBot.Analysis.Vocabulary;

/// <summary>
/// One prefix or suffix line of a Hunspell <c>.aff</c> file: strip <see cref="Strip"/> from the word's start or end
/// and add <see cref="Add"/> when the word meets <see cref="Condition"/>. Forms it proposes are still checked by
/// Lucene's Hunspell stemmer; the condition only spares that check the forms that cannot be right.
/// </summary>
/// <param name="IsPrefix">A <c>PFX</c> rule rather than <c>SFX</c>.</param>
/// <param name="CrossProduct">Whether it combines with rules of the other kind.</param>
/// <param name="Strip">Letters removed first ("" for <c>0</c>).</param>
/// <param name="Add">Letters added ("" for <c>0</c>).</param>
/// <param name="Continuation">Flags of further suffixes that may follow this one.</param>
/// <param name="Condition">The rule's condition as a regular expression anchored at the word's start or end.</param>
public sealed record AffixRule(bool IsPrefix, bool CrossProduct, string Strip, string Add, IReadOnlyList<string> Continuation, Regex Condition)
{
    /// <summary>The form this rule makes of <paramref name="word"/>, or null when the word lacks the strip letters.</summary>
    public string? ApplyTo(string word)
    {
        if (!Condition.IsMatch(word))
        {
            return null;
        }

        if (IsPrefix)
        {
            return word.StartsWith(Strip, StringComparison.Ordinal) && word.Length > Strip.Length ? Add + word[Strip.Length..] : null;
        }

        return word.EndsWith(Strip, StringComparison.Ordinal) && word.Length > Strip.Length ? word[..^Strip.Length] + Add : null;
    }
}
