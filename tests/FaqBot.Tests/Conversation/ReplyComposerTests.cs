using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.Conversation;

public sealed class ReplyComposerTests
{
    private const string BaseUrl = "https://klinik.example/artikler";

    private static readonly Lazy<ReplyComposer> Composer = new(() =>
        ReplyComposer.Create(
            KnowledgeBase.Load(ContentTestFiles.ContentDirectory),
            ContentTestFiles.ContentDirectory,
            new ReplyOptions(ArticleBaseUrl: BaseUrl, MaxAnswerChars: 300)));

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
    }

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
        var knowledge = KnowledgeBase.Load(ContentTestFiles.ContentDirectory);
        var composer = ReplyComposer.Create(knowledge, ContentTestFiles.ContentDirectory, new ReplyOptions(DidYouMeanMinConfidence: 0.0));

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
