using FaqBot.Content;
using FaqBot.Conversation;

namespace FaqBot.Tests.Conversation;

/// <summary>
/// The shipped example of the clinic's practical facts, written out as the editor is told to (its sections moved out
/// of the comment), answers practical questions with the normal engine, although their words (pris, henvisning,
/// parkering, …) are on the off-topic list: its headings name them. No lexicon or alternative questions added.
/// </summary>
public sealed class ClinicFactsAnswerTests : IDisposable
{
    private readonly TempContentDirectory _content = TempContentDirectory.CopyOfShippedContent();
    private readonly ReplyComposer _composer;

    public ClinicFactsAnswerTests()
    {
        var path = ClinicFacts.PathIn(_content.Path);
        var example = File.ReadAllText(path);
        var sections = example[example.IndexOf("\n## ", StringComparison.Ordinal)..example.LastIndexOf("-->", StringComparison.Ordinal)];
        File.WriteAllText(path, example[..example.IndexOf("<!--", StringComparison.Ordinal)] + sections.TrimStart('\n'));
        _composer = FaqBotEngine.Load(_content.Path).Composer;
    }

    public void Dispose() => _content.Dispose();

    [Theory]
    [InlineData("Hvordan booker jeg en tid?", "praktisk#booking-hvordan-bestiller-jeg-en-tid")]
    [InlineData("Hvad koster en behandling?", "praktisk#priser-og-tilskud-hvad-koster-en-behandling")]
    [InlineData("Skal jeg have en henvisning?", "praktisk#henvisning-skal-jeg-have-en-henvisning-fra-laegen")]
    [InlineData("Har I åbent om lørdagen?", "praktisk#aabningstider-hvornaar-har-i-aabent-ogsaa-loerdag-og-soendag")]
    [InlineData("Hvor ligger klinikken?", "praktisk#adresse-og-parkering-hvor-ligger-klinikken-og-hvor-kan-jeg-parkere")]
    [InlineData("Er der parkering?", "praktisk#adresse-og-parkering-hvor-ligger-klinikken-og-hvor-kan-jeg-parkere")]
    public void Compose_PracticalQuestion_AnswersWithTheFactsSectionAndItsPage(string question, string passageId)
    {
        var reply = _composer.Compose(question);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(passageId, reply.PassageId);
        Assert.Equal($"/artikler/{passageId}", reply.Source!.Url);
    }

    [Fact]
    public void Compose_SciaticaQuestion_StillAnswersFromTheArticles()
    {
        var reply = _composer.Compose("Hjælper øvelser mod iskias?");

        Assert.Equal("iskias#hjaelper-oevelser-mod-iskias-smerter", reply.PassageId);
    }
}
