using System.Text;
using FaqBot.Content;

namespace FaqBot.Tests.Content;

/// <summary>How Markdown becomes passages, beyond what the real articles show.</summary>
public sealed class ArticleStructureTests : IDisposable
{
    private readonly TempContentDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Article LoadSingle(string text, string name = "a.md")
    {
        _dir.Write(name, text);
        var result = ContentLoader.LoadDirectory(_dir.Path);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Articles);
    }

    [Fact]
    public void TitleFallsBackToTheHashHeadingWithoutFrontMatter()
    {
        var article = LoadSingle("# Min titel\n\nIntro her.\n\n## Afsnit\n\nTekst.\n");

        Assert.Equal("Min titel", article.Title);
        Assert.Null(article.DatePublished);
        var intro = article.Passages[0];
        Assert.Equal(("a#intro", "Min titel", "Intro her.", 3), (intro.Id, intro.Title, intro.Text, intro.Line));
        Assert.Equal("Min titel", article.Passages[1].ArticleTitle);
    }

    [Fact]
    public void TitleBeatsMetaTitleBeatsHashHeading()
    {
        _dir.Write("t.md", "---\ntitle: T\nmetaTitle: M\n---\n# H\n\nTekst.\n");
        _dir.Write("m.md", "---\nmetaTitle: M\ntitle: ''\n---\n# H\n\nTekst.\n");

        var result = ContentLoader.LoadDirectory(_dir.Path);

        Assert.Empty(result.Problems);
        Assert.Equal([("m", "M"), ("t", "T")], result.Articles.Select(a => (a.Id, a.Title)));
    }

    [Theory]
    [InlineData("---\ntitle: Egen titel\nmetaTitle: Søgeord – Læs om alt\n---\n# H\n\nTekst.\n", "Egen titel")]
    [InlineData("---\nmetaTitle: Søgeord – Læs om alt\n---\n# Overskrift\n\nTekst.\n", "Overskrift")]
    [InlineData("---\nmetaTitle: Nakkesmerter – Hvad giver ondt i nakken? Læs mere\n---\nTekst.\n", "Nakkesmerter")]
    [InlineData("---\nmetaTitle: Ondt i knæet | Klinikken\n---\nTekst.\n", "Ondt i knæet")]
    [InlineData("---\nmetaTitle: Skulderens anatomi\n---\nTekst.\n", "Skulderens anatomi")]
    public void ArticleShownTitle_TitleHeadingOrMetaTitleSubject_NeverTheSeoPitch(string text, string shown)
    {
        var article = LoadSingle(text);

        Assert.All(article.Passages, passage => Assert.Equal(shown, passage.ArticleShownTitle));
    }

    [Fact]
    public void ArticleShownTitle_OnlyMetaTitle_SearchStillWeighsTheWholeMetaTitle()
    {
        var article = LoadSingle("---\nmetaTitle: Iskias – Hvad er iskias? Læs om symptomer\n---\nTekst.\n\n## Afsnit\n\nMere.\n");

        Assert.Equal("Iskias – Hvad er iskias? Læs om symptomer", article.Title);
        Assert.All(article.Passages, passage => Assert.Equal(article.Title, passage.ArticleTitle));
        Assert.Equal("Iskias", article.Passages[1].ArticleShownTitle);
    }

    [Fact]
    public void IsoDatesAreAccepted()
    {
        var article = LoadSingle("---\ntitle: T\ndatePublished: 2025-05-08\nlastUpdated: '09/05/2025'\n---\nTekst.\n");
        Assert.Equal(new DateOnly(2025, 5, 8), article.DatePublished);
        Assert.Equal(new DateOnly(2025, 5, 9), article.LastUpdated);
    }

    [Fact]
    public void ImageLinesGoInlineImagesAndLinksStay()
    {
        var article = LoadSingle("""
            ---
            title: T
            ---
            ## Afsnit

            Første linje.
            ![Billede](/a.png)
            Anden linje med ![ikon](/i.png) inde i og et [link](https://example.dk).

            [![Linket billede](/b.png)](https://example.dk)

            - punkt ét
            - punkt **to**

            <!-- note til redaktøren -->

            Sidste afsnit.
            """);

        Assert.Equal(
            "Første linje.\nAnden linje med ![ikon](/i.png) inde i og et [link](https://example.dk).\n\n- punkt ét\n- punkt **to**\n\nSidste afsnit.",
            Assert.Single(article.Passages).Text);
    }

    [Fact]
    public void DeeperHeadingsStayInTheTextOfTheirPassage()
    {
        var article = LoadSingle("""
            ---
            title: T
            ---
            ## Øvelser

            Start.

            ### Første øvelse

            Gør sådan.

            ## Ofte stillede spørgsmål

            Her er svarene.

            ### Gør det ondt?

            Lidt.

            #### Detalje

            Mere.
            """);

        Assert.Equal(
            [
                ("a#oevelser", PassageKind.Section, "Start.\n\n### Første øvelse\n\nGør sådan."),
                ("a#ofte-stillede-spoergsmaal", PassageKind.Section, "Her er svarene."),
                ("a#goer-det-ondt", PassageKind.FaqItem, "Lidt.\n\n#### Detalje\n\nMere."),
            ],
            article.Passages.Select(p => (p.Id, p.Kind, p.Text)));
    }

    [Theory]
    [InlineData("Ofte stillede spørgsmål om iskias", true)]
    [InlineData("OFTE STILLEDE SPORGSMAL", true)]
    [InlineData("FAQ", true)]
    [InlineData("Iskias FAQ", true)]
    [InlineData("Spørgsmål og svar", true)]
    [InlineData("Spørgsmål & svar om ryggen", true)]
    [InlineData("Hyppigt stillede spørgsmål", true)]
    [InlineData("Behandling af iskias-smerter", false)]
    [InlineData("Faqir-stillingen", false)]
    [InlineData("Spørgsmål til lægen", false)]
    public void FaqHeadingsAreRecognised(string heading, bool isFaq) =>
        Assert.Equal(isFaq, FaqHeading.IsMatch(heading));

    [Fact]
    public void CrlfAndBomGiveTheSamePassagesAndLines()
    {
        const string Text = "---\ntitle: T\n---\n\nIntro.\n\n## Afsnit\n\nLinje et.\nLinje to.\n";
        var lf = LoadSingle(Text, "lf.md");
        var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text.Replace("\n", "\r\n"))).ToArray();
        _dir.WriteBytes("lf.md", crlf);

        var result = ContentLoader.LoadDirectory(_dir.Path);

        Assert.Empty(result.Problems);
        Assert.Equal(lf.Passages, result.Passages);
    }

    [Fact]
    public void OnlyMdFilesDirectlyInTheDirectoryAreArticlesInOrdinalOrder()
    {
        _dir.Write("b.md", TempContentDirectory.GoodArticle);
        _dir.Write("a.md", TempContentDirectory.GoodArticle);
        _dir.Write("B.md", TempContentDirectory.GoodArticle);
        _dir.Write("notes.txt", "ikke en artikel");
        _dir.Write(Path.Combine("lexicon", "ord.md"), "# Ikke en artikel\n\n## x\n");

        var result = ContentLoader.LoadDirectory(_dir.Path);

        Assert.Empty(result.Problems);
        Assert.Equal(["B", "a", "b"], result.Articles.Select(a => a.Id));
        Assert.Equal(["B#intro", "B#et-afsnit", "a#intro", "a#et-afsnit", "b#intro", "b#et-afsnit"], result.Passages.Select(p => p.Id));
    }

    [Fact]
    public void WithCopyRecomputesPassages()
    {
        _dir.Write("a.md", TempContentDirectory.GoodArticle);
        _dir.Write("b.md", TempContentDirectory.GoodArticle);
        var result = ContentLoader.LoadDirectory(_dir.Path);

        var onlyB = result with { Articles = [result.Articles[1]] };

        Assert.Equal(["b#intro", "b#et-afsnit"], onlyB.Passages.Select(p => p.Id));
        Assert.Equal(4, result.Passages.Count);
    }
}
