using System.Text;
using Lucene.Net.Analysis.Miscellaneous;

namespace FaqBot.Analysis;

/// <summary>
/// Keys under which a Danish word is found when typed without æ, ø and å. Patients on phones write "hjælp" as
/// "hjaelp" (digraphs) or "hjalp" (bare letters); both keys of the index words are looked up.
/// </summary>
public static class DanishFolding
{
    /// <summary>æ→ae, ø→oe, å→aa; other letters as Lucene's ASCII folding spells them (é→e, ü→u). A word with none returns itself.</summary>
    public static string ToDigraphs(string word) => Fold(word, digraphs: true);

    /// <summary>æ→a, ø→o, å→a; other letters as Lucene's ASCII folding spells them. A word with none returns itself.</summary>
    public static string ToBareLetters(string word) => Fold(word, digraphs: false);

    /// <summary>Whether the word has a letter outside a–z and 0–9 that folding changes.</summary>
    public static bool NeedsFolding(string word)
    {
        foreach (var c in word)
        {
            if (c > 'z')
            {
                return true;
            }
        }

        return false;
    }

    private static string Fold(string word, bool digraphs)
    {
        if (!NeedsFolding(word))
        {
            return word;
        }

        var danish = new StringBuilder(word.Length + 2);
        var hasOtherLetters = false;
        foreach (var c in word)
        {
            switch (c)
            {
                case 'æ' or 'ä':
                    danish.Append(digraphs ? "ae" : "a");
                    break;
                case 'ø' or 'ö':
                    danish.Append(digraphs ? "oe" : "o");
                    break;
                case 'å':
                    danish.Append(digraphs ? "aa" : "a");
                    break;
                default:
                    hasOtherLetters |= c > 'z';
                    danish.Append(c);
                    break;
            }
        }

        return hasOtherLetters ? FoldToAscii(danish.ToString()) : danish.ToString();
    }

    /// <summary>The letters beyond æøå through Lucene's ASCII folding table (é→e, ü→u).</summary>
    private static string FoldToAscii(string word)
    {
        var input = word.ToCharArray();
        var output = new char[input.Length * MaxFoldedLength];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    // One letter folds to at most four ("⑽" → "(10)").
    private const int MaxFoldedLength = 4;
}
