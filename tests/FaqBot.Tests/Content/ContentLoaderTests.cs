using FaqBot.Content;

namespace FaqBot.Tests.Content;

/// <summary>The clinic's real articles in <c>content/</c>.</summary>
public class ContentLoaderTests
{
    private static readonly ContentLoadResult Loaded = ContentLoader.LoadDirectory(ContentTestFiles.ContentDirectory);

    private static Passage Get(string id) => Assert.Single(Loaded.Passages, p => p.Id == id);

    [Fact]
    public void LoadsWithoutProblems()
    {
        Assert.Empty(Loaded.Problems);
        Assert.Equal(["iskias", "ondt-i-balden-og-benet"], Loaded.Articles.Select(a => a.Id));
    }

    [Fact]
    public void PassageIdsAreExactlyTheExpectedOnesInOrder()
    {
        var expected = File.ReadAllLines(ContentTestFiles.DataFile("PASSAGE-IDS.txt")).Where(l => l.Length > 0);
        Assert.Equal(expected, Loaded.Passages.Select(p => p.Id));
    }

    [Fact]
    public void PassagesAreAllArticlesPassagesInOrder()
    {
        Assert.Equal(Loaded.Articles.SelectMany(a => a.Passages), Loaded.Passages);
        Assert.Equal(20, Loaded.Passages.Count);
    }

    [Fact]
    public void ArticleTitlesAndDatesComeFromFrontMatter()
    {
        var iskias = Loaded.Articles[0];
        // iskias.md has no `title`, so `metaTitle` is used.
        Assert.Equal("Iskias – Hvad er iskias? Læs om symptomer og behandling", iskias.Title);
        Assert.Equal(new DateOnly(2025, 2, 19), iskias.DatePublished);
        Assert.Equal(new DateOnly(2025, 5, 8), iskias.LastUpdated);
        Assert.EndsWith(Path.Combine("content", "iskias.md"), iskias.SourcePath);

        var balde = Loaded.Articles[1];
        Assert.Equal("7 facts om ondt i balden og benet – er det iskias?", balde.Title);
        Assert.Equal(new DateOnly(2025, 5, 8), balde.DatePublished);
        Assert.Equal(new DateOnly(2025, 5, 8), balde.LastUpdated);
    }

    [Fact]
    public void IntroHasTheArticleTitleAndNoImage()
    {
        var intro = Get("iskias#intro");
        Assert.Equal(PassageKind.Intro, intro.Kind);
        Assert.Equal("Iskias – Hvad er iskias? Læs om symptomer og behandling", intro.Title);
        Assert.Equal("iskias", intro.ArticleId);
        Assert.Equal(intro.Title, intro.ArticleTitle);
        Assert.StartsWith("Iskiasnerven er kroppens længste og tykkeste nerve.", intro.Text);
        Assert.EndsWith("der starter i ryggen eller omkring hoften.", intro.Text);
        Assert.Equal(9, intro.Line); // the first text line, after the image on line 7
        Assert.DoesNotContain("![", intro.Text);
        Assert.DoesNotContain("/images/", intro.Text);
    }

    [Fact]
    public void SectionTextKeepsParagraphsAndTheFysfinderLink()
    {
        var section = Get("iskias#hvordan-kan-fysioterapi-hjaelpe");
        Assert.Equal(PassageKind.Section, section.Kind);
        Assert.Equal("Hvordan kan fysioterapi hjælpe?", section.Title);
        Assert.Equal("Iskias – Hvad er iskias? Læs om symptomer og behandling", section.ArticleTitle);
        Assert.Equal(29, section.Line);
        Assert.StartsWith("Fysioterapi er ofte en central del af behandlingen ved iskias-smerter.", section.Text);
        Assert.Contains(
            "er en del af løsningen.\n\nDet kan være en fordel af [finde en fysioterapeut specialiseret i iskias](https://www.fysfinder.dk/find/fysioterapeut/danmark/iskias), så du kan være sikker på at få den bedst mulige hjælp.",
            section.Text);
        Assert.EndsWith("den bedst mulige hjælp.", section.Text);
    }

    [Fact]
    public void ImageAfterASectionIsDropped()
    {
        var section = Get("iskias#behandling-af-iskias-smerter");
        Assert.EndsWith("kan operation overvejes.", section.Text);
        Assert.DoesNotContain("![", section.Text);

        var balde = Get("ondt-i-balden-og-benet#3-muskler-og-led-spiller-en-stor-rolle");
        Assert.EndsWith("men i stedet få en bred vurdering.", balde.Text);
    }

    [Fact]
    public void FaqQuestionsArePassagesWithTheirAnswer()
    {
        var faq = Get("iskias#er-iskias-smerter-det-samme-som-en-nerve-i-klemme");
        Assert.Equal(PassageKind.FaqItem, faq.Kind);
        Assert.Equal("Er iskias-smerter det samme som en nerve i klemme?", faq.Title);
        Assert.StartsWith("Ikke nødvendigvis. Nogle gange", faq.Text); // the answer's leading space is gone
        Assert.EndsWith("ikke altid betyder alvorlig skade.", faq.Text);

        // A whitespace-only line sits between this question and its answer.
        var scan = Get("iskias#skal-jeg-scannes-for-at-faa-den-rigtige-behandling");
        Assert.StartsWith("Ikke nødvendigvis. Scanninger er nyttige", scan.Text);
        Assert.EndsWith("komme i gang med den rette behandling.", scan.Text);

        // The FAQ heading only holds questions, so it is not a passage itself.
        Assert.DoesNotContain(Loaded.Passages, p => p.Id == "iskias#ofte-stillede-spoergsmaal-om-iskias-smerter");
        Assert.Equal(4, Loaded.Passages.Count(p => p.Kind == PassageKind.FaqItem));
    }

    [Fact]
    public void EmphasisIsKeptAndNumberedHeadingsKeepTheirNumber()
    {
        var first = Get("ondt-i-balden-og-benet#1-smerter-i-balde-og-ben-er-et-symptom-ikke-en-diagnose");
        Assert.Equal("1. Smerter i balde og ben er et symptom – ikke en diagnose", first.Title);
        Assert.Contains("kun beskriver, *hvor* smerten føles – ikke *hvorfor* den opstår.", first.Text);
        Assert.Equal(15, first.Line);
    }

    [Fact]
    public void LastSectionWithoutFinalNewlineIsComplete()
    {
        var last = Get("ondt-i-balden-og-benet#7-du-kan-faa-det-bedre-ogsaa-uden-et-praecist-svar");
        Assert.EndsWith("uanset hvad årsagen til dine smerter er.", last.Text);
    }

    [Fact]
    public void PassageTextsAreTrimmedAndHaveSingleBlankLinesBetweenParagraphs()
    {
        Assert.All(Loaded.Passages, p =>
        {
            Assert.Equal(p.Text.Trim(), p.Text);
            Assert.DoesNotContain("\n\n\n", p.Text);
            Assert.DoesNotContain("\r", p.Text);
            Assert.NotEmpty(p.Text);
        });
    }
}
