using System.Globalization;

namespace FaqBot.Content;

/// <summary>Parses the dates editors write in front matter: day first (<c>08-05-2025</c>, <c>08/05/2025</c>, <c>08.05.2025</c>) or ISO (<c>2025-05-08</c>).</summary>
internal static class ContentDateParser
{
    // Day-first only: the clinic is Danish, so 08/05 is the 8th of May, never August 5th.
    private static readonly string[] Formats =
    [
        "d'-'M'-'yyyy",
        "d'/'M'/'yyyy",
        "d'.'M'.'yyyy",
        "yyyy'-'M'-'d",
    ];

    public static bool TryParse(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
