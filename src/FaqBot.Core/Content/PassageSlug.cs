using System.Globalization;
using System.Text;

namespace FaqBot.Content;

/// <summary>Turns a heading into the URL-safe part of a passage id after <c>#</c>.</summary>
public static class PassageSlug
{
    /// <summary>
    /// Lower-cases, spells æ/ø/å as ae/oe/aa, drops other diacritics, and turns every run of characters
    /// outside <c>[a-z0-9]</c> into one <c>-</c>, trimmed at both ends.
    /// <c>"Hvornår bør du søge hjælp?"</c> gives <c>hvornaar-boer-du-soege-hjaelp</c>.
    /// </summary>
    /// <returns>The slug; empty when the heading has no letters or digits at all.</returns>
    public static string FromHeading(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);

        // Compose first so that a decomposed "a" + ring is still recognised as å.
        var lower = heading.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var spelled = new StringBuilder(lower.Length + 8);
        foreach (var ch in lower)
        {
            _ = ch switch
            {
                'æ' => spelled.Append("ae"),
                'ø' => spelled.Append("oe"),
                'å' => spelled.Append("aa"),
                _ => spelled.Append(ch),
            };
        }

        // Compatibility decomposition also splits ligatures and full-width forms into plain letters.
        var decomposed = spelled.ToString().Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingDash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                pendingDash = false;
                slug.Append(ch);
            }
            else
            {
                pendingDash = true;
            }
        }

        return slug.ToString();
    }
}
