using System.Text;
using FaqBot.Conversation;
using FaqBot.Search;
using FaqBot.Tests.Content;
using FaqBot.Tests.Search;
using FaqBot.Triage;

namespace FaqBot.Tests.Conversation;

/// <summary>
/// Whatever a message holds within Direct Line's 32 KB, a reply is bounded work: triage reads all of it, search and
/// small talk only a question-sized message, and a triage that fails or a turn out of time still ends in urgent
/// guidance, never silence. (On the code before these bounds, the long-word cases ran for minutes.)
/// </summary>
public sealed class LongMessageTests
{
    private const int DirectLineLimit = 32 * 1024;

    private static readonly Lazy<ReplyComposer> Composer = new(() =>
        new ReplyComposer(
            SeedKnowledge.Instance,
            SafetyContent.Load(ContentTestFiles.ContentDirectory),
            ConversationContent.Load(ContentTestFiles.ContentDirectory)));

    private static readonly Lazy<SafetyContent> Safety = new(() => SafetyContent.Load(ContentTestFiles.ContentDirectory));

    private static int MaxQuestionChars => new ReplyOptions().MaxQuestionChars;

    [Fact]
    public void MessageOverTheLimitIsAskedForAShorterQuestionInTheEditorsWords()
    {
        var message = Repeat("Hvad kan jeg selv gøre ved iskias?", " ", MaxQuestionChars + 40);

        var reply = Composer.Value.Compose(message);

        Assert.True(message.Length > MaxQuestionChars);
        Assert.Equal(ReplyKind.TooLong, reply.Kind);
        Assert.False(reply.RedFlag);
        var text = Assert.Single(reply.Messages).Markdown;
        Assert.Equal(ConversationContent.Load(ContentTestFiles.ContentDirectory).TooLong, text);
        Assert.Contains("for lang", text, StringComparison.Ordinal);
        Assert.Null(reply.PassageId);
        Assert.Empty(reply.SuggestedQuestions);
    }

    [Fact]
    public void MessageAtTheLimitIsStillSearched()
    {
        var message = Repeat("Hvad kan jeg selv gøre ved iskias?", " ", MaxQuestionChars);

        var reply = Composer.Value.Compose(message);

        Assert.True(message.Length <= MaxQuestionChars);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
    }

    [Fact]
    public void RedFlagAtTheVeryEndOfA30KbMessageStillGetsUrgentAdviceFirst()
    {
        var message = Repeat("Jeg har haft ondt i ryggen længe og går til fysioterapeut.", " ", 30 * 1024) + " Nu kan jeg ikke mærke noget i skridtet.";

        var reply = Composer.Value.Compose(message);

        Assert.Equal(ReplyKind.TooLong, reply.Kind);
        Assert.True(reply.RedFlag);
        Assert.Equal(["caudaEquina"], reply.RedFlags);
        Assert.Equal(2, reply.Messages.Count);
        Assert.StartsWith("**Ring 112", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("for lang", reply.Messages[1].Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TwentyThousandLetterWordIsTriagedAndAskedToBeShorter()
    {
        var reply = Composer.Value.Compose(Repeat("iskiassmerter", "", 20_000));

        Assert.Equal(ReplyKind.TooLong, reply.Kind);
        Assert.False(reply.RedFlag);
    }

    [Fact]
    public void ShortWordsUpToTheDirectLineLimitAreTriagedInFull()
    {
        var harmless = Repeat("jeg har ikke ondt i ryg og ben nu", " ", DirectLineLimit / 2);
        var message = $"{harmless}. Jeg har tisset i bukserne. {harmless}";

        var reply = Composer.Value.Compose(message);

        Assert.Equal(ReplyKind.TooLong, reply.Kind);
        Assert.Contains("caudaEquina", reply.RedFlags);
        Assert.False(Composer.Value.Compose(harmless).RedFlag);
    }

    [Fact]
    public void EveryRedFlagWordRepeatedToTheDirectLineLimitIsFlagged()
    {
        var ruleWords = Safety.Value.Rules.WordTerms
            .Select(w => w.Form)
            .Distinct();
        var message = Repeat(string.Join(' ', ruleWords), " ", DirectLineLimit);

        var reply = Composer.Value.Compose(message);

        Assert.Equal(ReplyKind.TooLong, reply.Kind);
        Assert.True(reply.RedFlag);
        Assert.Matches("Ring 112|Kontakt din egen læge", reply.Messages[0].Markdown);
    }

    [Fact]
    public void FailingTriageGivesTheGenericUrgentGuidanceFirstNeverSilence()
    {
        var shipped = Safety.Value;
        var broken = new RedFlagRule("broken", RedFlagUrgency.Today, [new WindowPattern([[[new ThrowingTerm()]]], WindowPattern.DefaultWindow, "?")], [], "test:1");
        var rules = new RedFlagRuleSet([broken, .. shipped.Rules.Rules], shipped.Rules.Urgencies, []) { Idioms = shipped.Rules.Idioms };
        var composer = new ReplyComposer(
            SeedKnowledge.Instance, shipped with { Rules = rules }, ConversationContent.Load(ContentTestFiles.ContentDirectory));

        var faults = new List<Exception>();
        composer.TriageFailed += faults.Add;

        var reply = composer.Compose("Hjælper øvelser mod iskias?");

        Assert.IsType<InvalidOperationException>(Assert.Single(faults));
        Assert.True(reply.RedFlag);
        Assert.Empty(reply.RedFlags);
        Assert.Contains("112", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.Contains("lægevagten", reply.Messages[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(2, reply.Messages.Count);
        // The generic guidance gets the same warning presentation as any urgent advice; the answer does not.
        Assert.Equal([UrgentContacts.Emergency], reply.Messages[0].UrgentCalls);
        Assert.False(reply.Messages[1].IsUrgentAdvice);
    }

    [Fact]
    public void TurnOutOfTimeStopsComposing()
    {
        using var budget = new CancellationTokenSource();
        budget.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Composer.Value.Compose("Hjælper øvelser mod iskias?", budget.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Composer.Value.RedFlags.Detect("Jeg har tisset i bukserne", budget.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => SeedKnowledge.Instance.Answerer.Answer("Hjælper øvelser mod iskias?", budget.Token));
    }

    [Fact]
    public void SearchGivenUpBetweenClausesLeavesTheNextSearchUnchanged()
    {
        var searcher = SeedKnowledge.Instance.Answerer.Searcher;
        var query = searcher.Parser.Parse("Hjælper øvelser mod iskias-smerter i benet?");
        var before = searcher.Search(query).Select(h => (h.Passage.Id, h.Score)).ToList();
        using var budget = new CancellationTokenSource();

        // The budget runs out once the first clause has been scored.
        var runsOut = query with { Clauses = new CancelAfterFirst(query.Clauses, budget) };

        Assert.True(query.Clauses.Count > 1);
        Assert.ThrowsAny<OperationCanceledException>(() => searcher.Search(runsOut, 5, budget.Token));
        Assert.Equal(before, searcher.Search(query).Select(h => (h.Passage.Id, h.Score)).ToList());
    }

    /// <summary><paramref name="unit"/> repeated, joined by <paramref name="separator"/>, up to <paramref name="length"/> characters.</summary>
    private static string Repeat(string unit, string separator, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length + separator.Length + unit.Length <= length)
        {
            builder.Append(unit).Append(separator);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Clauses that cancel <paramref name="budget"/> when the second is reached.</summary>
    private sealed class CancelAfterFirst(IReadOnlyList<QueryClause> clauses, CancellationTokenSource budget) : IReadOnlyList<QueryClause>
    {
        public int Count => clauses.Count;

        public QueryClause this[int index] => clauses[index];

        public IEnumerator<QueryClause> GetEnumerator()
        {
            for (var i = 0; i < clauses.Count; i++)
            {
                if (i == 1)
                {
                    budget.Cancel();
                }

                yield return clauses[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A rule word whose matching fails, as a bug in a matcher or a broken rule would.</summary>
    private sealed record ThrowingTerm : TermPattern
    {
        public override bool Matches(TriageToken token) => throw new InvalidOperationException("a broken rule");
    }
}
