using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace FaqBot.Analysis;

/// <summary>
/// FaqBot's Lucene analysis chain, the same for passages and questions: <see cref="LowerCaseLetterOrDigitTokenizer"/>
/// (which lower-cases, as Lucene's <c>LowerCaseTokenizer</c>) → <c>StopFilter</c> with Lucene's Danish stop set → <c>SnowballFilter</c> with Lucene's
/// <c>DanishStemmer</c> → <see cref="DerivationalSuffixFilter"/> (when <see cref="AnalysisOptions.DerivationalStemming"/>).
/// </summary>
public sealed class DanishTextAnalyzer(AnalysisOptions options) : Analyzer
{
    /// <summary>The options this chain applies.</summary>
    public AnalysisOptions Options { get; } = options;

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = LowerCaseLetterOrDigitTokenizer.Create(reader);
        TokenStream stream = new StopFilter(LuceneVersion.LUCENE_48, tokenizer, DanishAnalyzer.DefaultStopSet);
        stream = new SnowballFilter(stream, new DanishStemmer());
        if (Options.DerivationalStemming)
        {
            stream = new DerivationalSuffixFilter(stream);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}
