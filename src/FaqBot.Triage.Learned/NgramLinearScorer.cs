using System.Buffers;

namespace FaqBot.Triage.Learned;

/// <summary>
/// <see cref="RedFlagClassifier"/>'s probability computed from the model's own parameters, without ML.NET's row
/// pipeline: the same text normalisation (a table made by ML.NET's normaliser, one entry per UTF-16 unit), the same word
/// 1–2-grams and character 1–4-grams looked up among the model's slots, each part L2-normed, the logistic model's
/// weights and Platt calibration. ML.NET's prediction engine took about 26 µs a question and, with its buffers and
/// pools, slowed the rest of the reply by as much again; this reads only the n-grams the message has.
/// <para>Read from a model of exactly that shape by <see cref="NgramLinearModelReader"/>; the caller then checks it against
/// ML.NET on probe texts (<see cref="RedFlagClassifier.CompileScorer"/>) and otherwise keeps ML.NET's engine.
/// Thread-safe: it holds no per-call state.</para>
/// </summary>
public sealed class NgramLinearScorer
{
    /// <summary>ML.NET's character tokens begin and end a (non-empty) text with these.</summary>
    internal const char TextStartMarker = '\u0002';

    /// <inheritdoc cref="TextStartMarker"/>
    internal const char TextEndMarker = '\u0003';

    /// <summary>ML.NET's word tokens are the runs between spaces.</summary>
    internal const char WordSeparator = ' ';

    /// <summary>In the normalisation table: the normaliser drops the unit.</summary>
    internal const int Dropped = -1;

    internal const int MaxCharNgram = 4;
    internal const int MaxWordNgram = 2;

    private readonly int[] _normalized;
    private readonly PackedNgramSlots _charSlots;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordSlots;
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly double _slope;
    private readonly double _offset;

    /// <param name="normalized">What the normaliser makes of each UTF-16 unit (another unit, or <see cref="Dropped"/>).</param>
    /// <param name="charSlots">The slot of each character n-gram (its units as a string).</param>
    /// <param name="wordSlots">The slot of each word n-gram (its words joined by <see cref="WordSeparator"/>).</param>
    /// <param name="weights">The linear model's weight of each slot.</param>
    /// <param name="bias">The linear model's bias.</param>
    /// <param name="slope">The Platt calibration's slope.</param>
    /// <param name="offset">The Platt calibration's offset.</param>
    internal NgramLinearScorer(
        int[] normalized, Dictionary<string, int> charSlots, Dictionary<string, int> wordSlots, float[] weights, float bias,
        double slope, double offset)
    {
        _normalized = normalized;
        _charSlots = new PackedNgramSlots(charSlots.ToDictionary(pair => Packed(pair.Key), pair => pair.Value));
        _wordSlots = wordSlots.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = weights;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>The probability that <paramref name="message"/> describes a red flag.</summary>
    public float Score(string message)
    {
        var buffer = ArrayPool<char>.Shared.Rent(message.Length + 2);
        var slots = new List<int>(4 * message.Length + 8);
        try
        {
            // The normalised text between the start and end markers (none for an empty text), as ML.NET's character tokens.
            var length = 0;
            buffer[length++] = TextStartMarker;
            foreach (var unit in message)
            {
                if (_normalized[unit] != Dropped)
                {
                    buffer[length++] = (char)_normalized[unit];
                }
            }

            buffer[length++] = TextEndMarker;
            var text = length == 2 ? Span<char>.Empty : buffer.AsSpan(0, length);
            var score = (double)_bias;
            score += NormedDot(CharNgramSlots(text, slots));
            slots.Clear();
            score += NormedDot(WordNgramSlots(text.IsEmpty ? text : text[1..^1], slots));
            return (float)(1 / (1 + Math.Exp((_slope * (float)score) + _offset)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private List<int> CharNgramSlots(ReadOnlySpan<char> text, List<int> slots)
    {
        for (var start = 0; start < text.Length; start++)
        {
            var key = 0UL;
            for (var end = start; end < start + MaxCharNgram && end < text.Length; end++)
            {
                // ML.NET reads U+0000 as a missing character: no n-gram holding it has a slot.
                if (text[end] == '\0')
                {
                    break;
                }

                key = (key << 16) | text[end];
                if (_charSlots.TryGetValue(key, out var slot))
                {
                    slots.Add(slot);
                }
            }
        }

        return slots;
    }

    /// <summary>Up to four UTF-16 units, none U+0000, as one number: 16 bits each, the last lowest.</summary>
    private static ulong Packed(string units) => units.Aggregate(0UL, (key, unit) => (key << 16) | unit);

    private List<int> WordNgramSlots(ReadOnlySpan<char> text, List<int> slots)
    {
        // Words are the runs between spaces; a word pair is looked up as the two words joined by one space.
        var previous = ReadOnlySpan<char>.Empty;
        Span<char> pair = stackalloc char[128];
        foreach (var range in text.Split(WordSeparator))
        {
            var word = text[range];
            if (word.IsEmpty)
            {
                continue;
            }

            if (_wordSlots.TryGetValue(word, out var slot))
            {
                slots.Add(slot);
            }

            if (!previous.IsEmpty)
            {
                var length = previous.Length + 1 + word.Length;
                if (pair.Length < length)
                {
                    pair = new char[length];
                }

                previous.CopyTo(pair);
                pair[previous.Length] = WordSeparator;
                word.CopyTo(pair[(previous.Length + 1)..]);
                if (_wordSlots.TryGetValue(pair[..length], out var pairSlot))
                {
                    slots.Add(pairSlot);
                }
            }

            previous = word;
        }

        return slots;
    }

    /// <summary>The weights' dot product with the slots' counts, over the counts' L2 norm (0 for no slots).</summary>
    private double NormedDot(List<int> slots)
    {
        if (slots.Count == 0)
        {
            return 0;
        }

        slots.Sort();
        double dot = 0, squares = 0;
        for (var i = 0; i < slots.Count;)
        {
            var run = i;
            while (run < slots.Count && slots[run] == slots[i])
            {
                run++;
            }

            var count = run - i;
            dot += count * (double)_weights[slots[i]];
            squares += count * count;
            i = run;
        }

        return dot / Math.Sqrt(squares);
    }
}
