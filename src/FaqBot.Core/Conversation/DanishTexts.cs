namespace FaqBot.Conversation;

/// <summary>The fixed Danish sentences the bot says around the articles' own text.</summary>
internal static class DanishTexts
{
    public const string NoMatch = "Det kan jeg desværre ikke finde svar på i vores artikler om iskias.";

    /// <summary>The placeholders are filled by <see cref="ClinicContact"/>; without settings only the first line is left.</summary>
    public const string Contact =
        "Du er velkommen til at kontakte {klinik|klinikken} eller din egen læge, hvis du er i tvivl.\n" +
        "- Telefon: {telefon}\n" +
        "- E-mail: {email}\n" +
        "- [Book en tid online]({booking})";

    public const string Unavailable =
        "Beklager, der gik noget galt, så jeg kan ikke svare lige nu. Prøv igen om lidt. " +
        "Er det akut – fx føleforstyrrelser i skridtet, problemer med at tisse eller et ben, der bliver svagt – " +
        "så ring 112 eller kontakt " + UrgentContacts.OutOfHoursPlaceholder + ".";

    /// <summary>Given first when triage failed, so the message could not be checked for red flags.</summary>
    public const string TriageFailed =
        "**Jeg kunne ikke tjekke din besked for tegn på, at det haster. Har du fx føleforstyrrelser i skridtet, " +
        "problemer med at tisse eller et ben, der bliver svagt, så ring 112 eller kontakt " + UrgentContacts.OutOfHoursPlaceholder + ". " +
        "Ellers kontakt din egen læge, hvis du er i tvivl.**";

    /// <summary>Given when a red flag's kind has no advice at all (the safety content check prevents it).</summary>
    public const string UrgentFallback =
        "**Kontakt din egen læge i dag – eller " + UrgentContacts.OutOfHoursPlaceholder + ", hvis lægen har lukket. " +
        "Ring 112, hvis det er akut og alvorligt.**";

    public const string TooLong =
        "Din besked er for lang til, at jeg kan finde svar på den. Skriv gerne dit spørgsmål kort, " +
        "fx i en eller to sætninger, så prøver jeg igen.";

    public const string Welcome =
        "Hej! Jeg kan svare på spørgsmål om iskias og ondt i balden og benet ud fra klinikkens artikler. " +
        "Jeg giver generel information, ikke en diagnose.";
}
