using FaqBot.Answering;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// The knowledge base over the shipped content plus articles an editor might add, with no lexicon or
/// alternative-question edits: issue #12's measure of a new article. <see cref="Instance"/> adds the five of
/// Data/new-articles and Data/new-articles-2; <see cref="WithSeven"/> also the two of Data/new-articles-3. Each is
/// built once for all tests; its folder is deleted when the test process ends.
/// </summary>
internal static class AddedArticlesKnowledge
{
    private static readonly Lazy<KnowledgeBase> Five = new(() => Load("new-articles", "new-articles-2"));
    private static readonly Lazy<KnowledgeBase> Seven = new(() => Load("new-articles", "new-articles-2", "new-articles-3"));

    public static KnowledgeBase Instance => Five.Value;

    public static KnowledgeBase WithSeven => Seven.Value;

    private static KnowledgeBase Load(params string[] folders)
    {
        var content = TempContentDirectory.CopyOfShippedContent();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => content.Dispose();
        foreach (var folder in folders)
        {
            foreach (var article in Directory.EnumerateFiles(ContentTestFiles.DataFile(folder), "*.md").Where(f => Path.GetFileName(f) != "README.md"))
            {
                content.Write(Path.GetFileName(article), File.ReadAllText(article));
            }
        }

        return KnowledgeBase.Load(content.Path);
    }
}
