using System.Globalization;
using System.Text;

namespace FaqBot.Analysis;

/// <summary>
/// Keys under which a Danish word is found when typed without æ, ø and å. Patients on phones write "hjælp" as
/// "hjaelp" (digraphs) or "hjalp" (bare letters); both keys of the index words are looked up.
/// </summary>
public static class DanishFolding
{
    /// <summary>æ→ae, ø→oe, å→aa; other diacritics dropped (é→e, ü→u). A word with none returns itself.</summary>
    public static string ToDigraphs(string word) => Fold(word, digraphs: true);

    /// <summary>æ→a, ø→o, å→a; other diacritics dropped. A word with none returns itself.</summary>
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

        var builder = new StringBuilder(word.Length + 2);
        foreach (var c in word)
        {
            switch (c)
            {
                case 'æ' or 'ä':
                    builder.Append(digraphs ? "ae" : "a");
                    break;
                case 'ø' or 'ö':
                    builder.Append(digraphs ? "oe" : "o");
                    break;
                case 'å':
                    builder.Append(digraphs ? "aa" : "a");
                    break;
                default:
                    AppendWithoutDiacritics(builder, c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AppendWithoutDiacritics(StringBuilder builder, char c)
    {
        if (c <= 'z')
        {
            builder.Append(c);
            return;
        }

        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(d);
            }
        }
    }
}
