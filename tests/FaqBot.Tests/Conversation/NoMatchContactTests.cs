using FaqBot.Conversation;

namespace FaqBot.Tests.Conversation;

/// <summary>Every no-match reply of the shipped content ends with the clinic's contact from the settings.</summary>
public sealed class NoMatchContactTests
{
    private const string Uncovered = "Hvad koster en ny bil?";

    private static readonly Lazy<ReplyComposer> WithContact = new(() => Composer(new ClinicContact(
        "Fysioterapi Nord", "70 11 22 33", "kontakt@fysionord.dk", new Uri("https://fysionord.dk/booking"))));

    private static readonly Lazy<ReplyComposer> WithoutContact = new(() => Composer(ClinicContact.None));

    [Fact]
    public void Compose_UncoveredQuestionWithContactSet_GivesTheClinicsPhoneMailAndBookingLink()
    {
        var reply = WithContact.Value.Compose(Uncovered);

        Assert.Equal(ReplyKind.NoMatch, reply.Kind);
        var text = Assert.Single(reply.Messages).Markdown;
        Assert.StartsWith("Det kan jeg desværre ikke finde svar på", text, StringComparison.Ordinal);
        Assert.Contains("kontakte Fysioterapi Nord eller din egen læge", text, StringComparison.Ordinal);
        Assert.Contains("[70 11 22 33](tel:70112233)", text, StringComparison.Ordinal);
        Assert.Contains("(mailto:kontakt@fysionord.dk)", text, StringComparison.Ordinal);
        Assert.Contains("[Book en tid online](https://fysionord.dk/booking)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UncoveredQuestionWithNothingSet_GivesANeutralSentenceWithoutALink()
    {
        var reply = WithoutContact.Value.Compose(Uncovered);

        Assert.Equal(ReplyKind.NoMatch, reply.Kind);
        var text = Assert.Single(reply.Messages).Markdown;
        Assert.Contains("Du er velkommen til at kontakte klinikken eller din egen læge", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    private static ReplyComposer Composer(ClinicContact clinic) =>
        FaqBotEngine.Load(ContentTestFiles.ContentDirectory, new EngineOptions { Reply = new ReplyOptions { Clinic = clinic } }).Composer;
}
