namespace FaqBot.Triage;

/// <summary>
/// A message analysed once for its turn: its words with sentences, clauses and negation (<see cref="TriageText"/>),
/// read by triage, the screening question and small talk alike. The tokens are never changed by their readers.
/// </summary>
/// <param name="Text">The message as typed; a reader with another vocabulary analyses it again.</param>
/// <param name="Vocabulary">The negation and clause words the tokens were analysed with.</param>
/// <param name="Tokens">The words, in order.</param>
public sealed record AnalysedMessage(string Text, TriageVocabulary Vocabulary, IReadOnlyList<TriageToken> Tokens)
{
    /// <summary><paramref name="message"/> analysed with <paramref name="vocabulary"/>.</summary>
    public static AnalysedMessage Of(string message, TriageVocabulary vocabulary) => new(message, vocabulary, TriageText.Analyze(message, vocabulary));

    /// <summary>These tokens, or the message analysed again when <paramref name="vocabulary"/> is another one.</summary>
    public IReadOnlyList<TriageToken> TokensFor(TriageVocabulary vocabulary) =>
        ReferenceEquals(vocabulary, Vocabulary) ? Tokens : TriageText.Analyze(Text, vocabulary);
}
