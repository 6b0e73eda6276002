using FaqBot.Analysis;
using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// Recognises English questions and translates their key words through the English lexicon, longest phrase
/// first ("nervous system" before "system"), trying simple inflections ("stressed" → "stress").
/// </summary>
internal sealed class EnglishTranslator
{
    internal const double TranslationWeight = 0.9;

    private static readonly string[] Endings = ["ing", "ed", "es", "s", "d"];

    private readonly Dictionary<string, (List<TermAlternative> Alternatives, EnglishReading Reading)> _byPhrase = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _stopwords;
    private readonly int _longestPhrase;

    /// <param name="lexicon">The English lexicon and stopwords.</param>
    /// <param name="analyzer">The analysis the Danish translations go through.</param>
    /// <param name="phrases">The uncovered phrases, for <see cref="EnglishReading"/>.</param>
    /// <param name="isOffTopic">Whether a Danish word, spelt as the lexicon writes it, is on the off-topic list.</param>
    public EnglishTranslator(Lexicon lexicon, DanishTermAnalyzer analyzer, UncoveredPhrases phrases, Func<string, bool> isOffTopic)
    {
        _stopwords = lexicon.EnglishStopwords;
        foreach (var (english, danish) in lexicon.EnglishToDanish)
        {
            var tokens = WordTokens.Of(english);
            _byPhrase[string.Join(' ', tokens)] = (
                [.. danish.Select(analyzer.Terms).Where(t => t.Count > 0).Select(t => new TermAlternative([.. t], TranslationWeight))],
                EnglishReading.Of(danish, phrases, isOffTopic));
            _longestPhrase = Math.Max(_longestPhrase, tokens.Count);
        }
    }

    /// <summary>Whether <paramref name="token"/> is an English function word, dropped from English questions.</summary>
    public bool IsStopword(string token) => _stopwords.Contains(token);

    /// <summary>English when English words outnumber Danish ones: "Do I need an MRI?".</summary>
    public bool LooksEnglish(List<string> tokens, Func<string, bool> isDanishWord)
    {
        var english = tokens.Count(t => _stopwords.Contains(t) || _byPhrase.ContainsKey(t));
        var danish = tokens.Count(t => DanishStopwords.Contains(t) || isDanishWord(t));
        return english >= 2 && english > danish;
    }

    /// <summary>
    /// The clause for the longest lexicon phrase starting at <paramref name="start"/>, how that phrase's Danish reads,
    /// and how many tokens it takes; 0 tokens (and no reading) when none starts there. A phrase the lexicon lists
    /// without a translation yields no clause.
    /// </summary>
    public (QueryClause? Clause, EnglishReading? Reading, int Consumed) Translate(List<string> tokens, int start)
    {
        for (var length = Math.Min(_longestPhrase, tokens.Count - start); length >= 1; length--)
        {
            var phrase = string.Join(' ', tokens.Skip(start).Take(length));
            if (_byPhrase.TryGetValue(phrase, out var entry))
            {
                return (entry.Alternatives.Count > 0 ? new QueryClause(phrase, entry.Alternatives, 1, ClauseOrigin.English) : null, entry.Reading, length);
            }
        }

        foreach (var baseForm in BaseForms(tokens[start]))
        {
            if (_byPhrase.TryGetValue(baseForm, out var entry) && entry.Alternatives.Count > 0)
            {
                return (new QueryClause(tokens[start], entry.Alternatives, 1, ClauseOrigin.English), entry.Reading, 1);
            }
        }

        return (null, null, 0);
    }

    private static IEnumerable<string> BaseForms(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var stem = word[..^ending.Length];
                yield return stem;
                yield return stem + "e";
                if (stem[^1] == stem[^2])
                {
                    yield return stem[..^1];
                }
            }
        }
    }
}
