namespace FaqBot.Triage.Learned;

/// <summary>
/// The slots of character n-grams packed into numbers (<see cref="NgramLinearScorer"/>), in one open-addressing table:
/// a look-up reads one entry, and usually one cache line, where a <see cref="Dictionary{TKey, TValue}"/> reads a bucket
/// and then an entry. Scoring a message looks up about four n-grams per character, so this is its inner loop.
/// </summary>
internal sealed class PackedNgramSlots
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    /// <summary>The table of <paramref name="slots"/>; no key may be 0.</summary>
    public PackedNgramSlots(IReadOnlyDictionary<ulong, int> slots)
    {
        // At most half full, so that a miss (most look-ups of a long n-gram) ends within a probe or two.
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2 * slots.Count, 2));
        _entries = new Entry[size];
        _mask = size - 1;
        foreach (var (key, slot) in slots)
        {
            ArgumentOutOfRangeException.ThrowIfZero(key);
            var i = Home(key);
            while (_entries[i].Key != 0)
            {
                i = (i + 1) & _mask;
            }

            _entries[i] = new Entry(key, slot);
        }
    }

    /// <summary>The slot of <paramref name="key"/>, if it has one.</summary>
    public bool TryGetValue(ulong key, out int slot)
    {
        for (var i = Home(key); _entries[i].Key != 0; i = (i + 1) & _mask)
        {
            if (_entries[i].Key == key)
            {
                slot = _entries[i].Slot;
                return true;
            }
        }

        slot = -1;
        return false;
    }

    // Fibonacci hashing spreads the packed units, whose low bits are the last character's, over the table.
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;

    private readonly record struct Entry(ulong Key, int Slot);
}
