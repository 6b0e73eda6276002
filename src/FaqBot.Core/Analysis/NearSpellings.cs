using Lucene.Net.Util.Automaton;

namespace FaqBot.Analysis;

/// <summary>
/// The spellings at most a few edits from a word: Lucene's Levenshtein automaton with transpositions (insertions,
/// deletions, substitutions and swaps of two neighbouring letters, none of a letter twice: optimal string alignment),
/// compiled to a DFA so that telling whether a typed word is near is one step per letter. Letters are UTF-16 units,
/// as <see cref="Search.EditDistance"/> counts them.
/// <para>Compiled on first use, and only for a typed word of a length within reach: the red-flag rules alone name
/// about 1,300 words, compiling them all took about 0.15 s (the first time, with the JIT, a second), and most never
/// meet a typo.</para>
/// </summary>
public sealed class NearSpellings
{
    /// <summary>The most edits Lucene's Levenshtein automata are built for.</summary>
    public const int MaxEdits = 2;

    private readonly string _word;
    private readonly int _maxEdits;
    private CharacterRunAutomaton? _automaton;

    /// <summary>The spellings within <paramref name="maxEdits"/> (0–2) edits of <paramref name="word"/>.</summary>
    public NearSpellings(string word, int maxEdits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxEdits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxEdits, MaxEdits);
        _word = word;
        _maxEdits = maxEdits;
    }

    /// <summary>Whether <paramref name="typed"/> is one of the spellings.</summary>
    public bool Contains(ReadOnlySpan<char> typed)
    {
        // Each edit changes the length by at most one.
        if (Math.Abs(typed.Length - _word.Length) > _maxEdits)
        {
            return false;
        }

        var automaton = Volatile.Read(ref _automaton) ?? Compile();
        var state = automaton.InitialState;
        foreach (var unit in typed)
        {
            state = automaton.Step(state, unit);
            if (state < 0)
            {
                return false;
            }
        }

        return automaton.IsAccept(state);
    }

    /// <summary>Compiles the automaton now rather than on first use (off the request path, e.g. after start-up).</summary>
    public void Prepare() => _ = Volatile.Read(ref _automaton) ?? Compile();

    // Two threads may both compile; either automaton serves, and no lambda is allocated per check.
    private CharacterRunAutomaton Compile()
    {
        Interlocked.CompareExchange(ref _automaton, new CharacterRunAutomaton(Levenshtein(_word, _maxEdits)), null);
        return _automaton;
    }

    /// <summary>Lucene's Levenshtein automaton (with transpositions) for <paramref name="word"/>, over its UTF-16 units.</summary>
    private static Automaton Levenshtein(string word, int maxEdits)
    {
        var units = new int[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            units[i] = word[i];
        }

        return new LevenshteinAutomata(units, char.MaxValue, withTranspositions: true).ToAutomaton(maxEdits);
    }
}
