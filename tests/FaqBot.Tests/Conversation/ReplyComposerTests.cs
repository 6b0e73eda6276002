using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Conversation;

public sealed class ReplyComposerTests
{
    private const string BaseUrl = "https://klinik.example/artikler";

    private static readonly Lazy<ReplyComposer> Composer = new(() =>
        FaqBotEngine.Load(ContentTestFiles.ContentDirectory, new EngineOptions { Reply = new ReplyOptions(ArticleBaseUrl: BaseUrl, MaxAnswerChars: 300) }).Composer);

    [Fact]
    public void ShippedConversationContentHasNoProblems() => Assert.Empty(Composer.Value.Problems);

    [Fact]
    public void AnswerHasTitleTrimmedTextLinkSafetyNoteAndRelatedQuestions()
    {
        var reply = Composer.Value.Compose("Hjælper øvelser mod iskias?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.False(reply.RedFlag);
        var text = Assert.Single(reply.Messages).Markdown;
        Assert.StartsWith($"**{reply.Title}**", text, StringComparison.Ordinal);
        var slug = reply.PassageId![(reply.PassageId!.IndexOf('#') + 1)..];
        Assert.Contains($"[Læs hele afsnittet]({BaseUrl}/iskias#{slug})", text, StringComparison.Ordinal);
        Assert.Contains("112", text, StringComparison.Ordinal);
        Assert.InRange(reply.SuggestedQuestions.Count, 1, 3);
        Assert.DoesNotContain(reply.Title, reply.SuggestedQuestions);
        Assert.Equal($"{BaseUrl}/iskias#{slug}", reply.Source!.Url);
    }

    [Fact]
    public void Answer_SourceAndMarker_ArticlesOwnTitleAndMarkerEndsTheExcerpt()
    {
        var reply = Composer.Value.Compose("Hjælper øvelser mod iskias?");

        // iskias.md has only a metaTitle ("Iskias – Hvad er iskias? Læs om …"): the citation names the article, not the pitch.
        Assert.Equal("Iskias", reply.Source!.Title);
        var message = Assert.Single(reply.Messages);
        var at = Assert.IsType<int>(message.CitationMarkerAt);
        var after = message.Markdown[at..];
        Assert.StartsWith("\n\n[Læs hele afsnittet](", after, StringComparison.Ordinal);
        Assert.DoesNotContain("[Læs hele afsnittet]", message.Markdown[..at], StringComparison.Ordinal);
        Assert.Contains("112", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_Intro_HeadingIsTheArticlesOwnTitle()
    {
        var reply = Composer.Value.Compose("Hvad er iskias?");

        Assert.Equal("iskias#intro", reply.PassageId);
        Assert.StartsWith("**Iskias**\n\n", Assert.Single(reply.Messages).Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void LongPassagesAreCutAtASentenceEnd()
    {
        var trimmed = PassageExcerpt.Trim("Første sætning er her. Anden sætning er lidt længere end den første. Tredje.", 50);

        Assert.Equal("Første sætning er her.", trimmed);
    }

    [Theory]
    [InlineData("Hej", "greeting")]
    [InlineData("hej hej :)", "goodbye")]
    [InlineData("Mange tak for hjælpen!", "thanks")]
    [InlineData("farvel", "goodbye")]
    [InlineData("Hvem er du?", "whoAreYou")]
    [InlineData("hvad kan du", "help")]
    [InlineData("help", "help")]
    public void SmallTalkGetsShortWarmReplyNotAPassage(string message, string intent)
    {
        var reply = Composer.Value.Compose(message);

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Null(reply.PassageId);
        Assert.NotEmpty(Assert.Single(reply.Messages).Markdown);
        Assert.True(intent.Length > 0);
    }

    [Fact]
    public void HelpSaysWhatTheBotCanAndCannotDoAndOffersExamples()
    {
        var reply = Composer.Value.Compose("Hvad kan du?");

        Assert.Contains("ikke stille en diagnose", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.NotEmpty(reply.SuggestedQuestions);
    }

    [Fact]
    public void GreetingWithARealQuestionAnswersTheQuestion()
    {
        var reply = Composer.Value.Compose("Hej! Hjælper øvelser mod iskias?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.NotNull(reply.PassageId);
    }

    [Fact]
    public void UncoveredQuestionGetsHonestNoMatchWithWhereToGetHelp()
    {
        var reply = Composer.Value.Compose("Hvad koster en ny bil?");

        Assert.Equal(ReplyKind.NoMatch, reply.Kind);
        Assert.Contains("ikke finde svar", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("egen læge", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.True(reply.SuggestedQuestions.Count <= 3);
    }

    [Theory]
    [InlineData("Jeg kan ikke mærke noget i skridtet og har iskias. Hvilke øvelser hjælper?")]
    [InlineData("har tisset i bukserne og ondt i ryggen")]
    [InlineData("Hej. Iskias i begge ben. Tak")]
    [InlineData("I had cancer and now my back hurts, should I rest?")]
    public void RedFlagMessageNeverGetsOnlyAPlainAnswer(string message)
    {
        var reply = Composer.Value.Compose(message);

        Assert.True(reply.RedFlag);
        Assert.NotEmpty(reply.RedFlags);
        Assert.NotEqual(ReplyKind.SmallTalk, reply.Kind);
        Assert.Matches("Ring 112|Kontakt din egen læge", reply.Messages[0].Markdown);
        Assert.True(reply.Messages[0].IsUrgentAdvice);
        Assert.All(reply.Messages.Skip(1), message => Assert.False(message.IsUrgentAdvice));
    }

    [Fact]
    public void WithoutARegionTheAdviceNamesNoNumberAndOffersOnly112()
    {
        var reply = Composer.Value.Compose("Mit ben bliver svagere og foden klasker");

        var urgent = reply.Messages[0];
        Assert.StartsWith("**Kontakt din egen læge i dag – eller lægevagten i din region, hvis lægen har lukket.**", urgent.Markdown, StringComparison.Ordinal);
        Assert.Equal([UrgentContacts.Emergency], urgent.UrgentCalls);
        Assert.DoesNotContain("{", urgent.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hovedstaden", "lægevagten (Akuttelefonen 1813)", "tel:1813")]
    [InlineData("Sjaelland", "lægevagten på 1818", "tel:1818")]
    [InlineData("syddanmark", "lægevagten på 70 11 07 07", "tel:70110707")]
    [InlineData("midtjylland", "lægevagten på 70 11 31 31", "tel:70113131")]
    [InlineData("nordjylland", "lægevagten på 70 15 03 00", "tel:70150300")]
    public void TheRegionFillsTheOutOfHoursNumberIntoTheAdviceAndTheApology(string region, string text, string tel)
    {
        var contacts = UrgentContacts.ForRegion(region)!;
        var composer = FaqBotEngine.Load(ContentTestFiles.ContentDirectory, new EngineOptions { Reply = new ReplyOptions { Urgent = contacts } }).Composer;

        var urgent = composer.Compose("Mit ben bliver svagere og foden klasker").Messages[0];
        var apology = Assert.Single(composer.Unavailable().Messages);

        Assert.Contains($"eller {text}, hvis lægen har lukket", urgent.Markdown, StringComparison.Ordinal);
        Assert.Equal(["tel:112", tel], urgent.UrgentCalls.Select(call => call.TelUri));
        Assert.Contains($"ring 112 eller kontakt {text}.", apology.Markdown, StringComparison.Ordinal);
        Assert.Equal(["tel:112", tel], apology.UrgentCalls.Select(call => call.TelUri));
    }

    [Theory]
    [InlineData("70 11 31 31", "tel:70113131")]
    [InlineData("+45 70 11 31 31", "tel:+4570113131")]
    [InlineData("1813", "tel:1813")]
    public void AnOutOfHoursNumberOfTheClinicsOwnIsOffered(string number, string tel)
    {
        var contacts = UrgentContacts.ForNumber(number)!;

        Assert.Equal($"lægevagten på {number}", contacts.OutOfHoursText);
        Assert.Equal(tel, contacts.Calls[1].TelUri);
    }

    [Theory]
    [InlineData("ring lægen")]
    [InlineData("12")]
    [InlineData("70-11-31-31")]
    [InlineData("tel:1813")]
    public void SomethingThatIsNotAPhoneNumberIsRefused(string number) => Assert.Null(UrgentContacts.ForNumber(number));

    [Fact]
    public void CaudaEquinaAdviceSaysCall112AndAnswerMayFollow()
    {
        var reply = Composer.Value.Compose("Jeg kan ikke mærke noget i skridtet. Hjælper øvelser mod iskias?");

        Assert.Equal(["caudaEquina"], reply.RedFlags);
        Assert.StartsWith("**Ring 112", reply.Messages[0].Markdown, StringComparison.Ordinal);
        if (reply.Kind == ReplyKind.Answer)
        {
            Assert.Equal(2, reply.Messages.Count);
        }
    }

    [Fact]
    public void NearMissOffersAtMostThreeDidYouMeanQuestions()
    {
        var composer = FaqBotEngine.Load(ContentTestFiles.ContentDirectory, new EngineOptions { Reply = new ReplyOptions(DidYouMeanMinConfidence: 0.0) }).Composer;

        var reply = composer.Compose("fysioterapi pris");

        if (reply.Kind == ReplyKind.NoMatch)
        {
            Assert.InRange(reply.SuggestedQuestions.Count, 1, 3);
            Assert.Contains("Mente du måske", reply.Messages[0].Markdown, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(ReplyKind.Answer, reply.Kind);
        }
    }

    [Fact]
    public void AnswerExcerptRespectsTheConfiguredLength()
    {
        var reply = Composer.Value.Compose("Hvad forårsager iskias-smerter?");

        var text = reply.Messages[^1].Markdown;
        var excerpt = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..text.IndexOf("\n\n[Læs hele afsnittet]", StringComparison.Ordinal)];
        Assert.InRange(excerpt.Length, 1, 300);
    }

    [Fact]
    public void WelcomeOffersExampleQuestions()
    {
        var reply = Composer.Value.Welcome();

        Assert.Equal(ReplyKind.SmallTalk, reply.Kind);
        Assert.Contains("ikke en diagnose", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.NotEmpty(reply.SuggestedQuestions);
    }
}
