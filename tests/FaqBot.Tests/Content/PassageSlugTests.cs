using FaqBot.Content;

namespace FaqBot.Tests.Content;

public class PassageSlugTests
{
    [Theory]
    [InlineData("Hvornår bør du søge hjælp?", "hvornaar-boer-du-soege-hjaelp")]
    [InlineData("ÆBLE, ØL OG ÅL", "aeble-oel-og-aal")]
    [InlineData("Det er en god idé", "det-er-en-god-ide")]
    [InlineData("Naïve café à la carte", "naive-cafe-a-la-carte")]
    [InlineData("Schön über Ärger", "schon-uber-arger")]
    [InlineData("1. Smerter i balde og ben er et symptom – ikke en diagnose", "1-smerter-i-balde-og-ben-er-et-symptom-ikke-en-diagnose")]
    [InlineData("7. Du kan få det bedre – også uden et præcist svar", "7-du-kan-faa-det-bedre-ogsaa-uden-et-praecist-svar")]
    [InlineData("Skal jeg holde mig i ro, når jeg har iskias-smerter?", "skal-jeg-holde-mig-i-ro-naar-jeg-har-iskias-smerter")]
    [InlineData("  --Hvad (og hvorfor)?!  ", "hvad-og-hvorfor")]
    [InlineData("“Nerve i klemme” & L5/S1", "nerve-i-klemme-l5-s1")]
    [InlineData("2025: 10 råd", "2025-10-raad")]
    [InlineData("ﬁnd den ﬁre", "find-den-fire")]
    [InlineData("???", "")]
    [InlineData("", "")]
    public void FromHeading(string heading, string expected) =>
        Assert.Equal(expected, PassageSlug.FromHeading(heading));

    [Fact]
    public void FromHeadingTreatsDecomposedAaLikeComposed()
    {
        // "å" typed as "a" + combining ring (U+030A), as some editors on macOS save it.
        Assert.Equal("hvornaar", PassageSlug.FromHeading("Hvorna\u030Ar"));
    }
}
