using FaqBot.Conversation;
using FaqBot.Tests.TestSupport;
using FaqBot.Triage;

namespace FaqBot.Tests.Conversation;

/// <summary>The engine rebuilt from its folder and swapped in while replies are being composed.</summary>
public sealed class LiveEngineTests
{
    internal const string NewArticle = """
        ---
        title: Kinesiotape
        ---

        Kinesiotape er en elastisk tape, som nogle fysioterapeuter sætter på huden.

        ## Hvor længe kan kinesiotape sidde på?

        Tapen kan normalt sidde på i tre til fem dage. Tag den af, hvis huden klør eller bliver rød.
        """;

    internal const string NewQuestion = "Hvor længe kan kinesiotape sidde på?";

    private const string RedFlagMessage = "Jeg kan ikke holde på urinen og har ondt i ryggen";

    [Fact]
    public void Reload_ArticleAdded_AnswersFromIt()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        var live = new LiveEngine(() => FaqBotEngine.Load(content.Path));
        var composer = new LiveReplyComposer(live);
        Assert.Equal(ReplyKind.NoMatch, composer.Compose(NewQuestion).Kind);

        content.Write("kinesiotape.md", NewArticle);
        var failure = live.Reload();

        Assert.Null(failure);
        Assert.Equal(1, live.Generation);
        var reply = composer.Compose(NewQuestion);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.StartsWith("kinesiotape#", reply.PassageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_RedFlagRulesGone_KeepsServingTheEngineBefore()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        var live = new LiveEngine(() => FaqBotEngine.Load(content.Path));
        var before = live.Current;

        File.Delete(Path.Combine(content.Path, SafetyContent.Folder, "red-flags.txt"));
        var failure = live.Reload();

        Assert.IsType<SafetyContentUnavailableException>(failure);
        Assert.Same(before, live.Current);
        Assert.Equal(0, live.Generation);
        Assert.True(new LiveReplyComposer(live).Compose(RedFlagMessage).RedFlag);
    }

    [Fact]
    public void New_RedFlagRulesGone_Throws()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        File.Delete(Path.Combine(content.Path, SafetyContent.Folder, "red-flags.txt"));

        Assert.Throws<SafetyContentUnavailableException>(() => new LiveEngine(() => FaqBotEngine.Load(content.Path)));
    }

    [Fact]
    public async Task Reload_WhileRepliesAreComposed_EveryReplyIsWholeAndUrgentAdviceNeverMissing()
    {
        using var content = TempContentDirectory.CopyOfShippedContent();
        var loaded = new List<FaqBotEngine>();
        var live = new LiveEngine(() => FaqBotEngine.Load(content.Path), loaded.Add);
        var composer = new LiveReplyComposer(live);
        using var stop = new CancellationTokenSource();
        var composed = 0;
        var composing = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var urgent = composer.Compose(RedFlagMessage);
                Assert.True(urgent.RedFlag);
                Assert.True(urgent.Messages[0].IsUrgentAdvice);
                Assert.Equal(ReplyKind.Answer, composer.Compose("Hjælper øvelser mod iskias?").Kind);
                Interlocked.Increment(ref composed);
            }
        })).ToArray();

        for (var i = 0; i < 3; i++)
        {
            // Each swap lands among replies being composed.
            var before = Volatile.Read(ref composed);
            await WaitUntilAsync(() => Volatile.Read(ref composed) > before + 10);
            content.Write($"kinesiotape-{i}.md", NewArticle);
            Assert.Null(live.Reload());
        }

        var afterLast = Volatile.Read(ref composed);
        await WaitUntilAsync(() => Volatile.Read(ref composed) > afterLast + 10);
        stop.Cancel();
        await Task.WhenAll(composing);
        Assert.Equal(3, live.Generation);
        Assert.Equal(4, loaded.Distinct().Count());
        Assert.Same(loaded[^1], live.Current);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "no replies were composed within 30 s");
            await Task.Delay(10);
        }
    }
}
