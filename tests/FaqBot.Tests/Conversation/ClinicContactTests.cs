using FaqBot.Conversation;

namespace FaqBot.Tests.Conversation;

/// <summary>The clinic's contact filled into the <c>[contact]</c> text every no-match reply ends with.</summary>
public sealed class ClinicContactTests
{
    private const string Text =
        "Du er velkommen til at kontakte {klinik|klinikken} eller din egen læge, hvis du er i tvivl.\n" +
        "- Telefon: {telefon}\n" +
        "- E-mail: {email}\n" +
        "- [Book en tid online]({booking})";

    private static readonly ClinicContact Everything = new(
        "Fysioterapi Nord", "+45 70 11 22 33", "kontakt@fysionord.dk", new Uri("https://fysionord.dk/booking"));

    [Fact]
    public void Fill_EverythingSet_NamesTheClinicWithPhoneMailAndBookingLinks()
    {
        var filled = Everything.Fill(Text);

        Assert.Equal(
            "Du er velkommen til at kontakte Fysioterapi Nord eller din egen læge, hvis du er i tvivl.\n" +
            "- Telefon: [+45 70 11 22 33](tel:+4570112233)\n" +
            "- E-mail: [kontakt@fysionord.dk](mailto:kontakt@fysionord.dk)\n" +
            "- [Book en tid online](https://fysionord.dk/booking)",
            filled);
    }

    [Fact]
    public void Fill_NothingSet_KeepsOnlyTheNeutralSentenceWithoutALink()
    {
        var filled = ClinicContact.None.Fill(Text);

        Assert.Equal("Du er velkommen til at kontakte klinikken eller din egen læge, hvis du er i tvivl.", filled);
        Assert.DoesNotContain("](", filled, StringComparison.Ordinal);
        Assert.DoesNotContain("http", filled, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_OnlyBookingSet_LeavesOutPhoneAndMailLines()
    {
        var filled = new ClinicContact(null, null, null, new Uri("https://booking.example/klinik(nord)")).Fill(Text);

        Assert.Equal(
            "Du er velkommen til at kontakte klinikken eller din egen læge, hvis du er i tvivl.\n" +
            "- [Book en tid online](https://booking.example/klinik%28nord%29)",
            filled);
    }

    [Fact]
    public void Fill_NameWithMarkdown_IsShownLiterally()
    {
        var filled = new ClinicContact("*Ryg* [& Ben](javascript:x)", null, null, null).Fill("Kontakt {klinik}.");

        Assert.Equal(@"Kontakt \*Ryg\* \[& Ben\](javascript:x).", filled);
    }

    [Theory]
    [InlineData("70 11 22 33", true)]
    [InlineData("+45 70112233", true)]
    [InlineData("ring til os", false)]
    [InlineData("70-11-22-33", false)]
    public void IsPhoneNumber_Various_AcceptsOnlyDigitsAndSpaces(string phone, bool expected) =>
        Assert.Equal(expected, ClinicContact.IsPhoneNumber(phone));

    [Theory]
    [InlineData("kontakt@klinik.dk", true)]
    [InlineData("Klinik <kontakt@klinik.dk>", false)]
    [InlineData("kontakt.klinik.dk", false)]
    public void IsEmailAddress_Various_AcceptsOnlyAPlainAddress(string email, bool expected) =>
        Assert.Equal(expected, ClinicContact.IsEmailAddress(email));

    [Fact]
    public void UnknownPlaceholders_MisspelledName_IsReported() =>
        Assert.Equal(["{telefonnummer}"], ClinicContact.UnknownPlaceholders("Ring {telefonnummer} eller {telefon|os}."));

    [Fact]
    public void Load_ContactWithUnknownPlaceholder_IsReportedWithFileAndLine()
    {
        using var content = new TempContentDirectory();
        var path = content.Write("conversation/texts.txt", "[noMatch]\nIkke fundet.\n\n[contact]\nRing {telefonnummer}.\n");

        var problems = ConversationContent.Load(content.Path).Problems;

        var problem = Assert.Single(problems, p => p.Message.Contains("{telefonnummer}", StringComparison.Ordinal));
        Assert.Equal(path, problem.Path);
        Assert.Equal(5, problem.Line);
    }
}
