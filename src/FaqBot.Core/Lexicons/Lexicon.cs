namespace FaqBot.Lexicons;

/// <summary>
/// The editable word lists under <c>content/lexicon/</c>, as written: lower-cased, not yet analysed.
/// </summary>
/// <param name="SynonymGroups">Each group: words or phrases a patient uses for the same thing.</param>
/// <param name="EnglishToDanish">English word or phrase → Danish words or phrases.</param>
/// <param name="EnglishStopwords">English function words, dropped from English questions.</param>
/// <param name="QuestionWords">Danish words that say little about the topic of a question ("hvordan", "gøre").</param>
/// <param name="EverydayWords">Everyday Danish words (time, family, daily life) that count little when the articles do not use them.</param>
/// <param name="OffTopicWords">Words for conditions, body regions and clinic matters the articles do not cover.</param>
/// <param name="UncoveredPhrases">Phrases asking for what the articles never say ("hvor lang tid": how long it lasts), in groups that ask the same thing (one line of the file).</param>
/// <param name="Problems">Lines that could not be read.</param>
public sealed record Lexicon(
    IReadOnlyList<IReadOnlyList<string>> SynonymGroups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> EnglishToDanish,
    IReadOnlySet<string> EnglishStopwords,
    IReadOnlySet<string> QuestionWords,
    IReadOnlySet<string> EverydayWords,
    IReadOnlySet<string> OffTopicWords,
    IReadOnlyList<IReadOnlyList<string>> UncoveredPhrases,
    IReadOnlyList<LexiconProblem> Problems);
