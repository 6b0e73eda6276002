namespace FaqBot.Analysis;

/// <summary>
/// The spellings a few edits from any of several words (<see cref="NearSpellings"/> each), grouped by the words'
/// lengths so that a check reads only the words a typed word's length can reach.
/// </summary>
public sealed class NearSpellingsOfAny
{
    private readonly NearSpellings[][] _byLength;
    private readonly int _maxEdits;

    /// <summary>The spellings within <paramref name="maxEdits"/> (0–2) edits of any of <paramref name="words"/>.</summary>
    public NearSpellingsOfAny(IEnumerable<string> words, int maxEdits)
    {
        var distinct = words.Distinct(StringComparer.Ordinal).ToList();
        _maxEdits = maxEdits;
        _byLength = new NearSpellings[distinct.Count == 0 ? 0 : distinct.Max(w => w.Length) + 1][];
        for (var length = 0; length < _byLength.Length; length++)
        {
            _byLength[length] = [.. distinct.Where(w => w.Length == length).Select(w => new NearSpellings(w, maxEdits))];
        }
    }

    /// <summary>Whether <paramref name="typed"/> is near any of the words.</summary>
    public bool Contains(ReadOnlySpan<char> typed)
    {
        var last = Math.Min(typed.Length + _maxEdits, _byLength.Length - 1);
        for (var length = Math.Max(typed.Length - _maxEdits, 0); length <= last; length++)
        {
            foreach (var near in _byLength[length])
            {
                if (near.Contains(typed))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
