namespace FaqBot.Content;

/// <summary>Recognises a <c>##</c> heading that introduces questions and answers, e.g. "Ofte stillede spørgsmål om iskias".</summary>
internal static class FaqHeading
{
    // Matched against the slug, padded with '-', so spelling (ø/o, å/a), case and punctuation do not matter
    // and "faq" only matches as a whole word.
    private static readonly string[] Markers =
    [
        "-faq-",
        "-faqs-",
        "-stillede-spoergsmaal-", // ofte/hyppigt stillede spørgsmål
        "-stillede-sporgsmal-",
        "-spoergsmaal-og-svar-",
        "-sporgsmal-og-svar-",
        "-spoergsmaal-svar-", // spørgsmål & svar
        "-sporgsmal-svar-",
        "-q-a-",
        "-frequently-asked-questions-",
    ];

    public static bool IsMatch(string heading)
    {
        var padded = $"-{PassageSlug.FromHeading(heading)}-";
        return Markers.Any(marker => padded.Contains(marker, StringComparison.Ordinal));
    }
}
