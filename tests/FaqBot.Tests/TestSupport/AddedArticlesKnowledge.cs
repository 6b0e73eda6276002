using FaqBot.Answering;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// The knowledge base over the shipped content plus the five articles an editor might add (Data/new-articles and
/// Data/new-articles-2), with no lexicon or alternative-question edits: issue #12's measure of a new article.
/// Built once for all tests; its folder is deleted when the test process ends.
/// </summary>
internal static class AddedArticlesKnowledge
{
    private static readonly Lazy<KnowledgeBase> Shared = new(Load);

    public static KnowledgeBase Instance => Shared.Value;

    private static KnowledgeBase Load()
    {
        var content = TempContentDirectory.CopyOfShippedContent();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => content.Dispose();
        foreach (var folder in new[] { "new-articles", "new-articles-2" })
        {
            foreach (var article in Directory.EnumerateFiles(ContentTestFiles.DataFile(folder), "*.md").Where(f => Path.GetFileName(f) != "README.md"))
            {
                content.Write(Path.GetFileName(article), File.ReadAllText(article));
            }
        }

        return KnowledgeBase.Load(content.Path);
    }
}
