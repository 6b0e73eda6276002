using Lucene.Net.Analysis;

namespace FaqBot.Analysis;

/// <summary>
/// The words of a text as the analysis chain sees them before stopwords and stemming:
/// <see cref="LowerCaseLetterOrDigitTokenizer"/>. "Iskias-smerter" gives "iskias" and "smerter".
/// </summary>
public static class WordTokens
{
    private static readonly Analyzer Surface = Analyzer.NewAnonymous((_, reader) =>
        new TokenStreamComponents(LowerCaseLetterOrDigitTokenizer.Create(reader)));

    /// <summary>The lower-case tokens of <paramref name="text"/>, in order.</summary>
    public static List<string> Of(string text) => TokenText.Of(Surface, text);

    /// <summary>
    /// The token stream itself, for a reader that needs each token's offsets in <paramref name="text"/> (the red-flag
    /// triage finds sentence and clause ends between tokens). The caller resets, reads, ends and disposes it.
    /// </summary>
    public static TokenStream Stream(string text) => Surface.GetTokenStream(string.Empty, text);
}
