namespace FaqBot.Analysis;

/// <summary>
/// Turns a Danish word or text into index terms with <see cref="DanishTextAnalyzer"/>'s chain. The same chain serves
/// the index and the query, so they meet.
/// </summary>
public sealed class DanishTermAnalyzer(AnalysisOptions options)
{
    private readonly DanishTextAnalyzer _chain = new(options);

    /// <summary>The options this analyzer applies.</summary>
    public AnalysisOptions Options { get; } = options;

    /// <summary>
    /// The term for one lower-case word (not checked against stopwords): the chain's stemmer and suffix filter
    /// applied to the word directly, without a token stream, since query readings stem many single words.
    /// </summary>
    public string Term(string word)
    {
        var stem = DanishStemming.Stem(word);
        return Options.DerivationalStemming ? DerivationalSuffixFilter.Apply(stem) : stem;
    }

    /// <summary>The terms of a text, in order, stopwords removed.</summary>
    public List<string> Terms(string text) => TokenText.Of(_chain, text);
}
