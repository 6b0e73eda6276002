using FaqBot.Answering;
using FaqBot.Tests.Content;

namespace FaqBot.Tests.TestSupport;

/// <summary>The knowledge base over the repository's real content, built once for all tests.</summary>
internal static class SeedKnowledge
{
    private static readonly Lazy<KnowledgeBase> Shared = new(() => KnowledgeBase.Load(ContentTestFiles.ContentDirectory));

    public static KnowledgeBase Instance => Shared.Value;
}
