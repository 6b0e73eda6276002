using System.Buffers;

namespace FaqBot.Triage;

/// <summary>
/// An analysed message and, for every rule word, the positions of the message words it matches. Each distinct message
/// word is matched against the rules once, and a rule then visits only the positions of its own words, so triage
/// stays linear in the message however long it is and however often its words repeat.
/// </summary>
/// <remarks>
/// The table of positions by rule word has a slot for every rule word (over a thousand) but few are used: it is rented
/// from a pool and returned on <see cref="Dispose"/>, so triaging a message does not allocate it each time.
/// </remarks>
public sealed class TriageMessage : IDisposable
{
    private readonly int[][] _termsByToken;
    private readonly List<int>?[] _positionsByTerm;

    internal TriageMessage(IReadOnlyList<TriageToken> tokens, RuleTermIndex terms)
    {
        Tokens = tokens;
        Terms = terms;
        _termsByToken = new int[tokens.Count][];
        _positionsByTerm = ArrayPool<List<int>?>.Shared.Rent(terms.Count);
        Array.Clear(_positionsByTerm, 0, terms.Count);

        // What a word matches depends on its spelling only (its form, stem and whether the rules name it follow from it).
        var bySurface = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!bySurface.TryGetValue(tokens[i].Surface, out var ids))
            {
                ids = terms.Matching(tokens[i]);
                bySurface[tokens[i].Surface] = ids;
            }

            _termsByToken[i] = ids;
            foreach (var id in ids)
            {
                (_positionsByTerm[id] ??= []).Add(i);
            }
        }
    }

    /// <summary>Returns the pooled table; the message is not used afterwards.</summary>
    public void Dispose() => ArrayPool<List<int>?>.Shared.Return(_positionsByTerm);

    /// <summary>The message's words, in order.</summary>
    public IReadOnlyList<TriageToken> Tokens { get; }

    internal RuleTermIndex Terms { get; }

    /// <summary>The positions, ascending, of the words rule word <paramref name="term"/> matches; null when none.</summary>
    internal List<int>? PositionsOf(int term) => _positionsByTerm[term];

    /// <summary>Whether rule word <paramref name="term"/> matches the word at <paramref name="position"/>.</summary>
    internal bool Matches(int term, int position) => Array.BinarySearch(_termsByToken[position], term) >= 0;
}
