using System.Text;

namespace FaqBot.Triage;

/// <summary>Turns the camelCase names of kinds and concepts into words a clinician reads ("saddle area").</summary>
public static class PlainWords
{
    /// <summary><c>cannotFeel</c> → "cannot feel".</summary>
    public static string FromCamelCase(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
