using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace FaqBot.Analysis;

/// <summary>
/// <see cref="DanishTextAnalyzer"/>'s chain with the gaps that removed stopwords leave closed: "nerve i klemme" gives
/// "nerv" and "klem" at neighbouring positions. For phrases matched word by word against a question's words, which
/// drop stopwords the same way ("nerve i klemme" matches "nerve klemme"). Lucene's synonym parser needs this: it
/// refuses a phrase with a gap, since its <c>SynonymFilter</c> cannot match across one.
/// </summary>
public sealed class PhraseAnalyzer(AnalysisOptions options) : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private readonly DanishTextAnalyzer _chain = new(options);

    /// <inheritdoc />
    protected override Analyzer GetWrappedAnalyzer(string fieldName) => _chain;

    /// <inheritdoc />
    protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
        new(components.Tokenizer, new AdjacentPositionsFilter(components.TokenStream));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chain.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Puts every token one position after the one before it.</summary>
    private sealed class AdjacentPositionsFilter : TokenFilter
    {
        private readonly IPositionIncrementAttribute _increment;

        public AdjacentPositionsFilter(TokenStream input)
            : base(input) => _increment = AddAttribute<IPositionIncrementAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            _increment.PositionIncrement = 1;
            return true;
        }
    }
}
