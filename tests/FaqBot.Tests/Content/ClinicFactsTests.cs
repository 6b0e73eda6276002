using FaqBot.Content;

namespace FaqBot.Tests.Content;

/// <summary>The clinic's practical facts (<c>clinic/praktisk.md</c>): shipped as an example only, loaded once written.</summary>
public sealed class ClinicFactsTests
{
    private const string Facts = """
        ---
        title: Praktisk information
        ---

        <!-- The example the clinic started from. -->

        ## Hvad koster en behandling?

        En behandling koster 450 kr.

        ## Hvor kan jeg parkere?

        Der er gratis parkering i gården.
        """;

    [Fact]
    public void IsWritten_ShippedExample_IsFalseAndAddsNoPassage()
    {
        Assert.True(File.Exists(ClinicFacts.PathIn(ContentTestFiles.ContentDirectory)));

        Assert.False(ClinicFacts.IsWritten(ContentTestFiles.ContentDirectory));
        var loaded = ContentLoader.LoadDirectory(ContentTestFiles.ContentDirectory);
        Assert.DoesNotContain(loaded.Articles, article => article.Id == "praktisk");
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public void LoadDirectory_WrittenFacts_SectionsArePassagesWithTheirAlternativeQuestions()
    {
        using var content = new TempContentDirectory();
        content.Write("artikel.md", TempContentDirectory.GoodArticle);
        content.Write("clinic/praktisk.md", Facts);
        content.Write("questions/praktisk.yml", "hvor-kan-jeg-parkere:\n  - Kan man holde ved klinikken?\n");

        var loaded = ContentLoader.LoadDirectory(content.Path);

        Assert.Empty(loaded.Problems);
        var facts = Assert.Single(loaded.Articles, article => article.Id == "praktisk");
        Assert.Equal(["praktisk#hvad-koster-en-behandling", "praktisk#hvor-kan-jeg-parkere"], facts.Passages.Select(p => p.Id));
        Assert.Equal("Praktisk information", facts.Title);
        Assert.Equal(["Kan man holde ved klinikken?"], facts.Passages[1].AlternativeQuestions);
        Assert.DoesNotContain(facts.Passages, passage => passage.Text.Contains("example", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadDirectory_FactsWithAnEmptySection_IsReportedWithFileAndLine()
    {
        using var content = new TempContentDirectory();
        content.Write("artikel.md", TempContentDirectory.GoodArticle);
        var path = content.Write("clinic/praktisk.md", "---\ntitle: Praktisk\n---\n\n## Hvad koster det?\n\n## Hvor kan jeg parkere?\n\nI gården.\n");

        var loaded = ContentLoader.LoadDirectory(content.Path);

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Equal(5, problem.Line);
        Assert.DoesNotContain(loaded.Articles, article => article.Id == "praktisk");
    }
}
