using FaqBot.Channels.Activities.Turns;

namespace FaqBot.Tests.BotChannel;

public sealed class TeamsMarkdownTests
{
    [Theory]
    [InlineData("## Hvad er iskias?\n\nSmerter i benet.", "**Hvad er iskias?**\n\nSmerter i benet.")]
    [InlineData("Før\n\n---\n\nEfter", "Før\n\n\nEfter")]
    [InlineData("Se ![figur af ryggen](https://klinik.example.dk/ryg.png \"Ryg\")", "Se [figur af ryggen](https://klinik.example.dk/ryg.png)")]
    [InlineData(
        "| Symptom | Hvad gør du |\n|---|:---:|\n| Lammelse | Ring 112 |",
        "- Symptom – Hvad gør du\n- Lammelse – Ring 112")]
    [InlineData("**Fed**, *kursiv*, [link](https://x.dk)\n- punkt\n> citat", "**Fed**, *kursiv*, [link](https://x.dk)\n- punkt\n> citat")]
    public void Rewrites_what_Teams_cannot_render_and_keeps_the_rest(string markdown, string expected)
    {
        Assert.Equal(expected, TeamsMarkdown.Normalize(markdown));
    }
}
