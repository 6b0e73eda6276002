using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Util;

namespace FaqBot.Analysis;

/// <summary>
/// The words of a text as the analysis chain sees them before stopwords and stemming:
/// <see cref="LetterOrDigitTokenizer"/> → <c>LowerCaseFilter</c>. "Iskias-smerter" gives "iskias" and "smerter".
/// </summary>
public static class WordTokens
{
    private static readonly Analyzer Surface = Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = LetterOrDigitTokenizer.Create(reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer));
    });

    /// <summary>The lower-case tokens of <paramref name="text"/>, in order.</summary>
    public static List<string> Of(string text) => TokenText.Of(Surface, text);
}
