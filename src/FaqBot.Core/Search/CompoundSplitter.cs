using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// Splits a closed Danish compound the index does not know into words it does: "iskiassmerter" →
/// "iskias" + "smerter", "rygscanning" → "ryg" + "scanning". Danish joins parts directly or with a linking
/// "s" or "e"; both are tried. The longest head (rightmost part) wins, as the head carries the meaning.
/// </summary>
public sealed class CompoundSplitter(Func<string, bool> isKnownWord)
{
    /// <summary>Parts shorter than this are not split off: too many short words match by chance.</summary>
    public const int MinPartLength = 3;

    private const int MaxParts = 3;

    /// <summary>
    /// Six-letter words are not split: two three-letter "parts" are mostly an inflected simple word ("vej|ret" is
    /// "vejret", the weather).
    /// </summary>
    private const int MinCompoundLength = (2 * MinPartLength) + 1;

    /// <summary>
    /// The parts of <paramref name="word"/>, or null when it is not a compound of known words. A word longer than
    /// <see cref="WordLimits.MaxGuessedLength"/> is not split: trying every split point grows with the cube of its length.
    /// </summary>
    public IReadOnlyList<string>? Split(string word) => WordLimits.IsGuessable(word) ? Split(word, MaxParts) : null;

    private List<string>? Split(string word, int partsLeft)
    {
        if (partsLeft < 2 || word.Length < MinCompoundLength)
        {
            return null;
        }

        // Try the longest head first: position i is where the head starts.
        for (var i = MinPartLength; i <= word.Length - MinPartLength; i++)
        {
            var head = word[i..];
            if (!isKnownWord(head))
            {
                continue;
            }

            var modifier = word[..i];
            foreach (var candidate in ModifierForms(modifier))
            {
                if (isKnownWord(candidate))
                {
                    return [candidate, head];
                }

                var inner = Split(candidate, partsLeft - 1);
                if (inner is not null)
                {
                    inner.Add(head);
                    return inner;
                }
            }
        }

        return null;
    }

    /// <summary>The modifier as written, and without a linking "s" or "e" ("iskias|s|smerter", "nerve" in "nerveklemme").</summary>
    private static IEnumerable<string> ModifierForms(string modifier)
    {
        yield return modifier;
        if (modifier.Length > MinPartLength && modifier[^1] is 's' or 'e')
        {
            yield return modifier[..^1];
        }
    }
}
