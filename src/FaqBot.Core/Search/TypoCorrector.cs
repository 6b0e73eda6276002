using FaqBot.Analysis;
using Lucene.Net.Util.Automaton;

namespace FaqBot.Search;

/// <summary>
/// Finds the vocabulary words within one edit (two for long words) of a misspelt word: Lucene's Levenshtein
/// automaton for the word (see <see cref="NearSpellings"/>) is run over the vocabulary, kept sorted so that words
/// sharing a beginning share the automaton's steps and a beginning no near word has is skipped with all its words.
/// The vocabulary is one sorted array; Lucene's own terms dictionary (an in-memory index, intersected through
/// <c>CompiledAutomaton</c>) found the same words but took about ten times as long per word, nearly all of it
/// converting each word's automaton to UTF-8.
/// </summary>
public sealed class TypoCorrector
{
    /// <summary>Words shorter than this are never corrected: too many short words are one edit apart.</summary>
    public const int MinWordLength = 4;

    /// <summary>Words at least this long may be two edits away.</summary>
    public const int TwoEditsFromLength = 11;

    /// <summary>The longest vocabulary word that can be within two edits of a word short enough to be corrected.</summary>
    private const int LongestReachable = WordLimits.MaxGuessedLength + NearSpellings.MaxEdits;

    // Distinct, ordinal order: words sharing a beginning are neighbours.
    private readonly string[] _words;

    /// <summary>Indexes <paramref name="words"/> (already folded to plain a–z where applicable).</summary>
    public TypoCorrector(IEnumerable<string> words)
    {
        _words = [.. words.Where(w => w.Length is >= MinWordLength and <= LongestReachable).Distinct(StringComparer.Ordinal)];
        Array.Sort(_words, StringComparer.Ordinal);
    }

    /// <summary>
    /// How many edits a typo in <paramref name="word"/> may be: none (not corrected) below <see cref="MinWordLength"/>
    /// letters or beyond <see cref="WordLimits.MaxGuessedLength"/>, two from <see cref="TwoEditsFromLength"/>, else one.
    /// </summary>
    public static int MaxEditsFor(string word) =>
        word.Length < MinWordLength || !WordLimits.IsGuessable(word) ? 0 : word.Length >= TwoEditsFromLength ? 2 : 1;

    /// <summary>
    /// The vocabulary words closest to <paramref name="word"/> (all at the smallest distance found), with that distance;
    /// none for a word <see cref="MaxEditsFor"/> does not correct.
    /// </summary>
    public (IReadOnlyList<string> Words, int Distance) Correct(string word)
    {
        var maxEdits = MaxEditsFor(word);
        if (maxEdits == 0)
        {
            return ([], 0);
        }

        if (Array.BinarySearch(_words, word, StringComparer.Ordinal) >= 0)
        {
            return ([word], 0);
        }

        // One edit first: a word one edit away is the answer, and its automaton is a fraction of the two-edit one's cost.
        for (var edits = 1; edits <= maxEdits; edits++)
        {
            var found = Accepted(NearSpellings.Levenshtein(word, edits).GetInitialState());
            if (found.Count > 0)
            {
                return (found, edits);
            }
        }

        return ([], 0);
    }

    /// <summary>
    /// The vocabulary words the automaton from <paramref name="initial"/> accepts, in one pass over the sorted vocabulary.
    /// Its states are stepped as built, not tabled first (<see cref="CharacterRunAutomaton"/>): a pass visits few of
    /// them, and the table cost as much as building the automaton.
    /// </summary>
    private List<string> Accepted(State initial)
    {
        var found = new List<string>();

        // stateAfter[k]: the state after the first k letters of the word last read (valid up to stepped; null: no word).
        var stateAfter = new State?[LongestReachable + 1];
        stateAfter[0] = initial;
        var previous = string.Empty;
        var stepped = 0;
        var i = 0;
        while (i < _words.Length)
        {
            var word = _words[i];
            var length = Math.Min(stepped, word.AsSpan().CommonPrefixLength(previous));
            var state = stateAfter[length];
            while (length < word.Length && state is not null)
            {
                state = state.Step(word[length]);
                stateAfter[++length] = state;
            }

            previous = word;
            stepped = length;
            if (state is null)
            {
                // No word beginning with these letters is near: skip them all.
                i = FirstWithout(word.AsSpan(0, length), i + 1);
                continue;
            }

            if (state.Accept)
            {
                found.Add(word);
            }

            i++;
        }

        return found;
    }

    /// <summary>The index of the first word from <paramref name="start"/> on that does not begin with <paramref name="prefix"/>.</summary>
    private int FirstWithout(ReadOnlySpan<char> prefix, int start)
    {
        // Galloping, then binary search: most skipped runs are short, some are thousands of words.
        var low = start;
        var step = 1;
        while (low + step - 1 < _words.Length && _words[low + step - 1].AsSpan().StartsWith(prefix))
        {
            low += step;
            step *= 2;
        }

        var high = Math.Min(low + step - 1, _words.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_words[middle].AsSpan().StartsWith(prefix))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
