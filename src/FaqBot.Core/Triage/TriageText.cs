using FaqBot.Analysis;

namespace FaqBot.Triage;

/// <summary>
/// Splits a message into words, sentences and clauses and normalises each word the way the rules are normalised:
/// lower case, æ/ø/å restored from the digraphs phones produce (ae, oe, aa), Snowball stem.
/// </summary>
public static class TriageText
{
    /// <summary>The tokens of <paramref name="message"/> with negation scopes applied.</summary>
    public static IReadOnlyList<TriageToken> Analyze(string message) => Analyze(message, TriageVocabulary.Default);

    /// <summary>The tokens of <paramref name="message"/> with negation scopes applied, with the words of <paramref name="vocabulary"/>.</summary>
    public static IReadOnlyList<TriageToken> Analyze(string message, TriageVocabulary vocabulary)
    {
        var tokens = new List<TriageToken>();
        var sentence = 0;
        var clause = 0;

        // A word met again is normalised and stemmed once: a long message repeats its words.
        var known = new Dictionary<string, TriageToken>(StringComparer.Ordinal);
        var knownBySpan = known.GetAlternateLookup<ReadOnlySpan<char>>();
        var word = new char[64];
        var length = 0;
        for (var i = 0; i <= message.Length; i++)
        {
            var c = i < message.Length ? message[i] : '\n';
            if (char.IsLetterOrDigit(c))
            {
                if (length == word.Length)
                {
                    Array.Resize(ref word, word.Length * 2);
                }

                word[length++] = char.ToLowerInvariant(c);
                continue;
            }

            if (length > 0)
            {
                if (!knownBySpan.TryGetValue(word.AsSpan(0, length), out var first))
                {
                    first = Token(new string(word, 0, length), 0, 0, vocabulary);
                    known[first.Surface] = first;
                }

                length = 0;
                if (vocabulary.ClauseBreaks.Contains(first.Surface))
                {
                    clause++;
                }

                tokens.Add(first with { Sentence = sentence, Clause = clause });
            }

            // "38,5" and "38.5" are numbers, not clause or sentence ends.
            var betweenDigits = i > 0 && i + 1 < message.Length && char.IsDigit(message[i - 1]) && char.IsDigit(message[i + 1]);
            if (c is '.' or '!' or '?' or '\n' && !betweenDigits)
            {
                sentence++;
                clause++;
            }
            else if (c is ',' or ';' or ':' or '(' or ')' && !betweenDigits)
            {
                clause++;
            }
        }

        NegationScope.Apply(tokens, vocabulary);
        return tokens;
    }

    /// <summary>A word of a rule or message in the normalised form: lower case, æøå restored from digraphs.</summary>
    public static string NormalizeWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (!lower.Contains("ae", StringComparison.Ordinal) && !lower.Contains("oe", StringComparison.Ordinal)
            && !lower.Contains("aa", StringComparison.Ordinal))
        {
            return lower;
        }

        return lower.Replace("aa", "å", StringComparison.Ordinal)
            .Replace("ae", "æ", StringComparison.Ordinal)
            .Replace("oe", "ø", StringComparison.Ordinal);
    }

    /// <summary>The stem of a normalised word.</summary>
    public static string StemOf(string form) => DanishStemming.Stem(form);

    private static TriageToken Token(string surface, int sentence, int clause, TriageVocabulary vocabulary)
    {
        var form = NormalizeWord(surface);
        return new TriageToken(surface, form, StemOf(form), sentence, clause, vocabulary.IsNegationCue(surface));
    }
}
