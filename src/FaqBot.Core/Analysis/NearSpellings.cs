using Lucene.Net.Util.Automaton;

namespace FaqBot.Analysis;

/// <summary>
/// The spellings at most a few edits from a word, or from any word of a list: Lucene's Levenshtein automaton with
/// transpositions (insertions, deletions, substitutions and swaps of two neighbouring letters, none of a letter
/// twice: optimal string alignment), compiled to a DFA so that telling whether a typed word is near is one step per
/// letter. Letters are UTF-16 units, as the words are compared everywhere else.
/// <para>Compiled on first use, not when loaded: the red-flag rules alone name about 1,300 words, compiling them all
/// took about 0.15 s (and the first time, with the JIT, a second), and most never meet a typo.</para>
/// </summary>
public sealed class NearSpellings
{
    /// <summary>The most edits Lucene's Levenshtein automata are built for.</summary>
    public const int MaxEdits = 2;

    private readonly Func<Automaton> _compile;
    private CharacterRunAutomaton? _automaton;

    /// <summary>The spellings within <paramref name="maxEdits"/> (0–2) edits of <paramref name="word"/>.</summary>
    public NearSpellings(string word, int maxEdits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEdits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, MaxEdits);
        _compile = () => Levenshtein(word, maxEdits);
    }

    /// <summary>The spellings within <paramref name="maxEdits"/> (0–2) edits of any of <paramref name="words"/>.</summary>
    public NearSpellings(IEnumerable<string> words, int maxEdits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEdits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, MaxEdits);
        var list = words.Distinct(StringComparer.Ordinal).ToList();
        _compile = () => list.Count == 0
            ? BasicAutomata.MakeEmpty()
            : BasicOperations.Union(list.ConvertAll(word => Levenshtein(word, maxEdits)));
    }

    /// <summary>Whether <paramref name="typed"/> is one of the spellings.</summary>
    public bool Contains(ReadOnlySpan<char> typed) =>
        Accepts(LazyInitializer.EnsureInitialized(ref _automaton, () => new CharacterRunAutomaton(_compile())), typed);

    /// <summary>Lucene's Levenshtein automaton (with transpositions) for <paramref name="word"/>, over its UTF-16 units.</summary>
    internal static Automaton Levenshtein(string word, int maxEdits)
    {
        var units = new int[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            units[i] = word[i];
        }

        return new LevenshteinAutomata(units, char.MaxValue, withTranspositions: true).ToAutomaton(maxEdits);
    }

    /// <summary>Whether <paramref name="automaton"/> accepts <paramref name="text"/>, read as UTF-16 units.</summary>
    internal static bool Accepts(RunAutomaton automaton, ReadOnlySpan<char> text)
    {
        var state = automaton.InitialState;
        foreach (var unit in text)
        {
            state = automaton.Step(state, unit);
            if (state < 0)
            {
                return false;
            }
        }

        return automaton.IsAccept(state);
    }
}
