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

    private readonly Dictionary<string, List<TermAlternative>> _byPhrase = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> _stopwords;
    private readonly int _longestPhrase;

    public EnglishTranslator(Lexicon lexicon, DanishTermAnalyzer analyzer)
    {
        _stopwords = lexicon.EnglishStopwords;
        foreach (var (english, danish) in lexicon.EnglishToDanish)
        {
            var tokens = WordTokens.Of(english);
            _byPhrase[Key(english)] =
                [.. danish.Select(analyzer.Terms).Where(t => t.Count > 0).Select(t => new TermAlternative([.. t], TranslationWeight))];
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

    /// <summary>The lexicon's English phrase as the translator looks it up: its words, single-spaced.</summary>
    public static string Key(string english) => string.Join(' ', WordTokens.Of(english));

    /// <summary>
    /// The clause for the longest lexicon phrase starting at <paramref name="start"/>, that phrase (<see cref="Key"/>),
    /// and how many tokens it takes; 0 tokens when none starts there. A phrase the lexicon lists without a
    /// translation yields no clause.
    /// </summary>
    public (QueryClause? Clause, string Phrase, int Consumed) Translate(List<string> tokens, int start)
    {
        for (var length = Math.Min(_longestPhrase, tokens.Count - start); length >= 1; length--)
        {
            var phrase = string.Join(' ', tokens.Skip(start).Take(length));
            if (_byPhrase.TryGetValue(phrase, out var alternatives))
            {
                return (alternatives.Count > 0 ? new QueryClause(phrase, alternatives, 1, ClauseOrigin.English) : null, phrase, length);
            }
        }

        foreach (var baseForm in BaseForms(tokens[start]))
        {
            if (_byPhrase.TryGetValue(baseForm, out var alternatives) && alternatives.Count > 0)
            {
                return (new QueryClause(tokens[start], alternatives, 1, ClauseOrigin.English), baseForm, 1);
            }
        }

        return (null, "", 0);
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
