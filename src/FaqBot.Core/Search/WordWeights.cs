using FaqBot.Analysis;
using FaqBot.Lexicons;

namespace FaqBot.Search;

/// <summary>
/// How much a word of a question counts, from the lexicons: question words and everyday words are light, words
/// for what the articles do not cover are heavy, the rest count 1.
/// </summary>
internal sealed class WordWeights
{
    /// <summary>How much a question word ("hvordan", "gøre") or everyday word ("uge", "datter") counts next to a topic word.</summary>
    public const double LightWordFactor = 0.2;

    /// <summary>How much a word for something the articles do not cover ("skulder", "pris") counts: it is the topic.</summary>
    public const double OffTopicFactor = 3.0;

    /// <summary>An off-topic word ends a compound only after a modifier at least this long ("prostata|kræft", not "for|hånd").</summary>
    private const int MinModifierLength = 4;

    /// <summary>
    /// Only off-topic words at least this long are looked for at the end of a compound: shorter ones end everyday
    /// words ("efterhånden", "overhånd").
    /// </summary>
    private const int MinHeadLength = 5;

    private readonly Lexicon _lexicon;
    private readonly HashSet<string> _synonymWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _offTopicHeads;
    private readonly TypoCorrector _questionWordSpelling;

    public WordWeights(Lexicon lexicon)
    {
        _lexicon = lexicon;
        _synonymWords = lexicon.SynonymGroups.SelectMany(g => g).Where(w => !w.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        _offTopicHeads = lexicon.OffTopicWords
            .Where(w => w.Length >= MinHeadLength)
            .Select(DanishFolding.ToDigraphs)
            .ToHashSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _questionWordSpelling = new TypoCorrector(lexicon.QuestionWords);
    }

    /// <summary>Words whose folded forms must be known: the lexicons' word lists.</summary>
    public IEnumerable<string> Words => _lexicon.QuestionWords.Concat(_lexicon.EverydayWords).Concat(_lexicon.OffTopicWords);

    /// <summary>Light when every one of <paramref name="surfaces"/> is a question or everyday word, else 1.</summary>
    public double Importance(IEnumerable<string> surfaces) => surfaces.All(IsLight) ? LightWordFactor : 1;

    /// <summary>
    /// Whether a word the articles do not spell so is a misspelt question word ("komer" for "kommer"). Only for
    /// unseen spellings: stems and near spellings of real words collide ("læge" the doctor, "lægge" to put).
    /// </summary>
    public bool IsMisspeltQuestionWord(string word) => _questionWordSpelling.Correct(word).Words.Count > 0;

    /// <summary>Whether the word is one the lexicons list, so spelt right and never to be typo-corrected.</summary>
    public bool IsListed(string token, IEnumerable<string> foldedWords) => IsLight(token) || IsEverydayInflection(token, foldedWords);

    /// <summary>
    /// Whether the word (inflected, folded or as a compound's head) names something the articles do not cover. A
    /// word of the synonym lexicon counts only when listed as it is: "kræfter" (strength) is no inflection of "kræft"
    /// (cancer). A word the index does not know (<paramref name="compoundParts"/> not null) may end in an off-topic
    /// word even when its modifier is no known word: "prostatakræft", "tennisalbue".
    /// </summary>
    public bool IsOffTopic(string token, IEnumerable<string> foldedWords, Func<IReadOnlyList<string>?> compoundParts)
    {
        if (_lexicon.OffTopicWords.Contains(token))
        {
            return true;
        }

        if (_synonymWords.Contains(token))
        {
            return false;
        }

        var baseForms = InflectionStripper.BaseForms(token).ToList();
        if (baseForms.Any(_lexicon.OffTopicWords.Contains) || foldedWords.Any(_lexicon.OffTopicWords.Contains))
        {
            return true;
        }

        if (compoundParts() is not { } parts)
        {
            return false;
        }

        return (parts.Count > 0 && _lexicon.OffTopicWords.Contains(parts[^1]))
            || baseForms.Prepend(token).Any(form => EndsInOffTopicWord(DanishFolding.ToDigraphs(form)));
    }

    private bool EndsInOffTopicWord(string folded)
    {
        for (var start = MinModifierLength; start <= folded.Length - MinHeadLength; start++)
        {
            if (_offTopicHeads.Contains(folded.AsSpan(start)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word is in the everyday-words list (not a question word: those are verbs and particles).</summary>
    public bool IsEveryday(string word) => _lexicon.EverydayWords.Contains(word);

    private bool IsLight(string word) => _lexicon.QuestionWords.Contains(word) || _lexicon.EverydayWords.Contains(word);

    private bool IsEverydayInflection(string token, IEnumerable<string> foldedWords) =>
        InflectionStripper.BaseForms(token).Any(_lexicon.EverydayWords.Contains) || foldedWords.Any(_lexicon.EverydayWords.Contains);
}
