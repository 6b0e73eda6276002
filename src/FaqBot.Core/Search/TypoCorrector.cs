using FaqBot.Analysis;

namespace FaqBot.Search;

/// <summary>
/// Finds the vocabulary words within one edit (two for long words) of a misspelt word, by the symmetric-delete
/// method: every word is stored under the strings one deletion away, so a lookup is a handful of hash probes
/// instead of a scan of the vocabulary. Only one deletion is stored, so of two edits in a long word the second
/// must be an insertion or deletion: two substitutions ("fysioterepauten") are not found.
/// <para>Not Lucene's Levenshtein automata, unlike the red-flag rules' and small talk's words (<see cref="NearSpellings"/>):
/// those are known in advance and compiled once, while a misspelt word's automaton has to be built per look-up, which
/// made parsing the test messages three times as slow (README, "Typo tolerance").</para>
/// </summary>
public sealed class TypoCorrector
{
    /// <summary>Words shorter than this are never corrected: too many short words are one edit apart.</summary>
    public const int MinWordLength = 4;

    /// <summary>Words at least this long may be two edits away.</summary>
    public const int TwoEditsFromLength = 11;

    // A key's words: one string for the many keys of one word only, a list for the rest (most keys have one word, and a
    // list each was most of what a large index's typo table allocated).
    private readonly Dictionary<string, object> _byDeletion = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="words"/> (already folded to plain a–z where applicable).</summary>
    public TypoCorrector(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length < MinWordLength || !_words.Add(word))
            {
                continue;
            }

            Add(word, word);
            foreach (var deletion in Deletions(word))
            {
                Add(deletion, word);
            }
        }
    }

    /// <summary>
    /// How many edits a typo in <paramref name="word"/> may be: none (not corrected) below <see cref="MinWordLength"/>
    /// letters or beyond <see cref="WordLimits.MaxGuessedLength"/> (the look-up grows with the cube of a word's length),
    /// two from <see cref="TwoEditsFromLength"/>, else one.
    /// </summary>
    private static int MaxEditsFor(string word) =>
        word.Length < MinWordLength || !WordLimits.IsGuessable(word) ? 0 : word.Length >= TwoEditsFromLength ? 2 : 1;

    /// <summary>
    /// The vocabulary words closest to <paramref name="word"/> (all at the smallest distance found), with that distance;
    /// none for a word <see cref="MaxEditsFor"/> does not correct.
    /// </summary>
    public (IReadOnlyList<string> Words, int Distance) Correct(string word)
    {
        var maxDistance = MaxEditsFor(word);
        if (maxDistance == 0)
        {
            return ([], 0);
        }

        var candidates = new HashSet<string>(StringComparer.Ordinal);
        Collect(word, candidates);
        foreach (var deletion in Deletions(word))
        {
            Collect(deletion, candidates);
            if (maxDistance == 2)
            {
                // A second deletion on the query side reaches words two edits away.
                foreach (var second in Deletions(deletion))
                {
                    Collect(second, candidates);
                }
            }
        }

        var best = new List<string>();
        var bestDistance = maxDistance + 1;
        foreach (var candidate in candidates)
        {
            var distance = EditDistance.Compute(word, candidate, maxDistance);
            if (distance < bestDistance)
            {
                best.Clear();
                bestDistance = distance;
            }

            if (distance == bestDistance && distance <= maxDistance)
            {
                best.Add(candidate);
            }
        }

        return best.Count == 0 ? ([], 0) : (best, bestDistance);
    }

    private void Collect(string key, HashSet<string> candidates)
    {
        switch (_byDeletion.GetValueOrDefault(key))
        {
            case string word:
                candidates.Add(word);
                break;
            case List<string> words:
                candidates.UnionWith(words);
                break;
        }
    }

    private void Add(string key, string word)
    {
        switch (_byDeletion.GetValueOrDefault(key))
        {
            case null:
                _byDeletion[key] = word;
                break;
            case string only when only != word:
                _byDeletion[key] = new List<string>(2) { only, word };
                break;
            case List<string> words when words[^1] != word:
                words.Add(word);
                break;
        }
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }
}
