using FaqBot.Analysis;
using FaqBot.Triage;

namespace FaqBot.Conversation;

/// <summary>
/// Recognises a message that is essentially only small talk: every word belongs to a small-talk phrase, is a
/// stopword, or is in the ignore list. "hej, hvad er iskias?" keeps "iskias" over, so it is a question.
/// </summary>
public sealed class SmallTalkDetector
{
    /// <summary>Phrase words at least this long also match with one typo ("farvl").</summary>
    private const int MinLengthForTypo = 5;

    /// <summary>A typed word shorter than this is never read as a typo of a phrase word.</summary>
    private const int MinTypedLengthForTypo = 4;

    private readonly IReadOnlyList<SmallTalkIntent> _intents;
    private readonly IReadOnlySet<string> _ignoredWords;

    // Per intent, phrase and word: a longer word's spellings one edit away (compiled on first use, one per distinct
    // word), null for a shorter one. Read by position, as the phrases are, with no look-up per comparison.
    private readonly NearSpellings?[][][] _nearSpellings;

    // Every word of every phrase, and the distinct typo automata: a word that is none of them, nor ignorable, can be
    // covered by no phrase, so the message is not small talk (most questions end here, before the phrase search).
    private readonly HashSet<string> _phraseWords;
    private readonly NearSpellings[] _distinctNearSpellings;

    /// <summary>A detector of <paramref name="intents"/>; <paramref name="ignoredWords"/> may stand around their phrases.</summary>
    public SmallTalkDetector(IReadOnlyList<SmallTalkIntent> intents, IReadOnlySet<string> ignoredWords)
    {
        _intents = intents;
        _ignoredWords = ignoredWords;
        _nearSpellings = NearSpellingsOf(intents);
        _phraseWords = new(intents.SelectMany(intent => intent.Phrases).SelectMany(phrase => phrase), StringComparer.Ordinal);
        _distinctNearSpellings = [.. _nearSpellings.SelectMany(intent => intent).SelectMany(phrase => phrase).OfType<NearSpellings>().Distinct()];
    }

    /// <summary>Compiles the phrase words' typo automata now, off the request path.</summary>
    public void Prepare()
    {
        foreach (var near in _distinctNearSpellings)
        {
            near.Prepare();
        }
    }

    /// <summary>The intent of <paramref name="message"/>, or null when it is not (only) small talk.</summary>
    public SmallTalkIntent? Detect(string message) => Detect(TriageText.Analyze(message));

    /// <summary>The intent of a message analysed once for its turn (only its words' forms are read).</summary>
    public SmallTalkIntent? Detect(IReadOnlyList<TriageToken> tokens)
    {
        var words = new List<string>(tokens.Count);
        var ignorable = new bool[tokens.Count];
        foreach (var token in tokens)
        {
            ignorable[words.Count] = Ignorable(token.Form);
            if (!ignorable[words.Count] && !InSomePhrase(token.Form))
            {
                return null;
            }

            words.Add(token.Form);
        }

        if (words.Count == 0)
        {
            return null;
        }

        // best[i]: the winning intent index for words[i..] made only of phrases and ignorable words, -1 when some
        // phrase is needed but none covers, int.MinValue when impossible. Dynamic programming, since a greedy
        // longest match would take "mange tak" and strand "for hjælpen" of "tak for hjælpen".
        var best = new int[words.Count + 1];
        best[words.Count] = -1;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            best[i] = int.MinValue;
            if (ignorable[i])
            {
                best[i] = best[i + 1];
            }

            for (var n = 0; n < _intents.Count; n++)
            {
                for (var p = 0; p < _intents[n].Phrases.Count; p++)
                {
                    var phrase = _intents[n].Phrases[p];
                    if (i + phrase.Count <= words.Count && best[i + phrase.Count] != int.MinValue && PhraseAt(phrase, _nearSpellings[n][p], words, i))
                    {
                        best[i] = Math.Max(best[i], Math.Max(n, best[i + phrase.Count]));
                    }
                }
            }
        }

        return best[0] >= 0 ? _intents[best[0]] : null;
    }

    private bool Ignorable(string word) => DanishStopwords.Contains(word) || _ignoredWords.Contains(word);

    private bool InSomePhrase(string word)
    {
        if (_phraseWords.Contains(word))
        {
            return true;
        }

        foreach (var near in _distinctNearSpellings)
        {
            if (word.Length >= MinTypedLengthForTypo && near.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PhraseAt(IReadOnlyList<string> phrase, NearSpellings?[] nearSpellings, List<string> words, int start)
    {
        for (var k = 0; k < phrase.Count; k++)
        {
            if (!SameWord(phrase[k], nearSpellings[k], words[start + k]))
            {
                return false;
            }
        }

        return true;
    }

    // One typo in longer words ("farvl", "goodmorning" is two words and is listed as such).
    private static bool SameWord(string expected, NearSpellings? nearSpellings, string typed) =>
        expected == typed || (typed.Length >= MinTypedLengthForTypo && nearSpellings is not null && nearSpellings.Contains(typed));

    private static NearSpellings?[][][] NearSpellingsOf(IReadOnlyList<SmallTalkIntent> intents)
    {
        var byWord = new Dictionary<string, NearSpellings>(StringComparer.Ordinal);
        return [.. intents.Select(intent => intent.Phrases.Select(phrase => phrase.Select(word => word.Length < MinLengthForTypo
            ? null
            : byWord.TryGetValue(word, out var near) ? near : byWord[word] = new NearSpellings(word, 1)).ToArray()).ToArray())];
    }
}
