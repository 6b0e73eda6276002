namespace FaqBot.Triage;

/// <summary>
/// The words that decide negation and clauses in a patient message: negation cues ("ikke", "ingen", "not"), words
/// that end a clause ("men", "fordi") and words that may stand beside a cue in a clause that only negates ("det har
/// jeg slet ikke"). The shipped lists are the <c>[negation]</c> section of <c>red-flags.txt</c>, where a clinician sees
/// them; <see cref="Default"/> serves callers without a rule file (small talk, tests).
/// </summary>
/// <param name="NegationCues">Negation words; "t" is what the tokenizer leaves of "can't".</param>
/// <param name="ClauseBreaks">Words that end a clause for negation purposes, besides punctuation.</param>
/// <param name="NegatingClauseWords">Words that may stand beside a cue in a clause that does nothing but negate.</param>
/// <param name="Denials">
/// Words that make the cue before them a denial of the rest of its clause ("ikke problemer med at tisse eller holde på
/// afføringen"): every word of the clause after it is negated, and a rule written with "ikke" does not count it.
/// </param>
public sealed record TriageVocabulary(
    IReadOnlySet<string> NegationCues,
    IReadOnlySet<string> ClauseBreaks,
    IReadOnlySet<string> NegatingClauseWords,
    IReadOnlySet<string> Denials)
{
    /// <summary>The lists used when no rule file gives them.</summary>
    public static TriageVocabulary Default { get; } = new(
        Set("ikke", "ik", "ikk", "ike", "ikek", "ingen", "intet", "aldrig", "hverken", "nej", "uden",
            "ett", "itte", "int", // Jutlandic and other dialect forms of "ikke"
            "not", "no", "never", "without", "cannot", "t", "nor", "none", "nothing",
            "cant", "dont", "doesnt", "didnt", "couldnt", "wont", "isnt", "wasnt", "havent", "hasnt"),
        Set("men", "but", "og", "and", "selvom", "although", "mens", "while", "fordi", "because"),
        Set("slet", "overhovedet", "altså", "nu", "gør", "har", "haft", "is", "i", "do", "don", "have", "haven", "it", "that",
            "which", "m", "am", "are", "re"),
        Set("problemer", "problem", "besvær", "vanskeligheder", "trouble", "problems", "issues", "difficulty", "difficulties"));

    /// <summary>Whether <paramref name="word"/> (lower case) is a negation cue.</summary>
    public bool IsNegationCue(string word) => NegationCues.Contains(word);

    /// <summary>Whether <paramref name="other"/> lists the same words in each list.</summary>
    public bool HasSameWords(TriageVocabulary other) =>
        NegationCues.SetEquals(other.NegationCues) && ClauseBreaks.SetEquals(other.ClauseBreaks)
        && NegatingClauseWords.SetEquals(other.NegatingClauseWords) && Denials.SetEquals(other.Denials);

    /// <summary>A set of lower-case words.</summary>
    public static IReadOnlySet<string> Set(params IEnumerable<string> words) => new HashSet<string>(words, StringComparer.Ordinal);
}
