namespace FaqBot.Analysis;

/// <summary>
/// Turns a Danish word or text into index terms: tokenize → lower-case → drop stopwords → Snowball stem
/// (→ derivational suffix filter when enabled). The same chain serves the index and the query, so they meet.
/// </summary>
public sealed class DanishTermAnalyzer(AnalysisOptions options)
{
    /// <summary>The options this analyzer applies.</summary>
    public AnalysisOptions Options { get; } = options;

    /// <summary>The term for one lower-case word (not checked against stopwords).</summary>
    public string Term(string word)
    {
        var stem = DanishStemmer.Instance.Stem(word);
        return Options.DerivationalStemming ? DerivationalSuffixFilter.Apply(stem) : stem;
    }

    /// <summary>The terms of a text, in order, stopwords removed.</summary>
    public List<string> Terms(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var terms = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            if (!DanishStopwords.Contains(token))
            {
                terms.Add(Term(token));
            }
        }

        return terms;
    }
}
