using FaqBot.Analysis;
using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// Adds the synonym lexicon's alternatives to clauses. Groups are analysed into terms once; a multi-word
/// member ("nerve i klemme") matches those words in a row and merges the clauses it spans.
/// </summary>
internal sealed class SynonymExpander
{
    private const double SynonymWeight = 0.9;

    private readonly Dictionary<string, List<TermAlternative>> _byKey = new(StringComparer.Ordinal);
    private readonly int _longestKey;

    public SynonymExpander(Lexicon lexicon, DanishTermAnalyzer analyzer)
    {
        foreach (var group in lexicon.SynonymGroups)
        {
            var members = group.Select(analyzer.Terms).Where(terms => terms.Count > 0).ToList();
            foreach (var member in members)
            {
                var key = string.Join(' ', member);
                if (!_byKey.TryGetValue(key, out var alternatives))
                {
                    alternatives = [];
                    _byKey[key] = alternatives;
                }

                foreach (var other in members)
                {
                    if (!other.SequenceEqual(member) && !alternatives.Any(a => a.Terms.SequenceEqual(other)))
                    {
                        alternatives.Add(new TermAlternative([.. other], SynonymWeight));
                    }
                }

                _longestKey = Math.Max(_longestKey, member.Count);
            }
        }
    }

    /// <summary>Whether <paramref name="term"/> alone is a synonym-group member.</summary>
    public bool IsKey(string term) => _byKey.ContainsKey(term);

    /// <summary>Expands <paramref name="clauses"/> in place; <paramref name="importance"/> weighs a merged phrase by its words.</summary>
    public void Expand(List<QueryClause> clauses, Func<IEnumerable<string>, double> importance)
    {
        for (var i = 0; i < clauses.Count; i++)
        {
            for (var length = Math.Min(_longestKey, clauses.Count - i); length >= 1; length--)
            {
                var span = clauses.GetRange(i, length);
                if (span.Any(c => c.Alternatives.Count == 0))
                {
                    continue;
                }

                var phrase = span.Select(c => c.Alternatives[0].Terms[0]).ToArray();
                if (!_byKey.TryGetValue(string.Join(' ', phrase), out var synonyms))
                {
                    continue;
                }

                if (length == 1)
                {
                    clauses[i] = span[0] with { Alternatives = [.. span[0].Alternatives, .. synonyms] };
                    break;
                }

                var surfaces = span.Select(c => c.Surface).ToList();
                clauses.RemoveRange(i, length);
                clauses.Insert(i, new QueryClause(string.Join(' ', surfaces), [new(phrase, 1), .. synonyms], importance(surfaces), ClauseOrigin.Lexicon));
                break;
            }
        }
    }
}
