using FaqBot.Analysis;
using FaqBot.Answering;
using FaqBot.Conversation;
using FaqBot.Search;
using FaqBot.Triage;

namespace FaqBot;

/// <summary>How <see cref="FaqBotEngine.Load"/> puts the domain together; every part has its default.</summary>
public sealed record EngineOptions
{
    /// <summary>How words are analysed (eval tries variants).</summary>
    public AnalysisOptions? Analysis { get; init; }

    /// <summary>How passages are ranked (eval tries variants).</summary>
    public RankingOptions? Ranking { get; init; }

    /// <summary>Links, lengths and urgent contacts of the replies.</summary>
    public ReplyOptions? Reply { get; init; }

    /// <summary>Consulted when the rules find no red flag; none by default.</summary>
    public IRedFlagSecondOpinion? SecondOpinion { get; init; }
}

/// <summary>
/// The one composition root of the domain, used by the server and every CLI command: the knowledge base, the safety
/// and conversation content of one content folder, and the reply composer over them. Each part is loaded when first
/// used (thread-safe), so a command that needs only the rules does not build the search index.
/// </summary>
public sealed class FaqBotEngine
{
    private readonly Lazy<KnowledgeBase> _knowledge;
    private readonly Lazy<SafetyContent> _safety;
    private readonly Lazy<ConversationContent> _conversation;
    private readonly Lazy<ReplyComposer> _composer;

    private FaqBotEngine(string contentDirectory, EngineOptions options)
    {
        ContentDirectory = contentDirectory;
        _knowledge = new(() => KnowledgeBase.Load(contentDirectory, options.Analysis, options.Ranking));
        _safety = new(() => SafetyContent.Load(contentDirectory));
        _conversation = new(() => ConversationContent.Load(contentDirectory));
        _composer = new(() => new ReplyComposer(Knowledge, Safety, Conversation, options.Reply, options.SecondOpinion));
    }

    /// <summary>The content folder the parts come from.</summary>
    public string ContentDirectory { get; }

    /// <summary>The articles, lexicons, index and answerer.</summary>
    public KnowledgeBase Knowledge => _knowledge.Value;

    /// <summary>The red-flag rules, urgent advice, safety note and screening questions.</summary>
    public SafetyContent Safety => _safety.Value;

    /// <summary>Small talk and the bot's own texts.</summary>
    public ConversationContent Conversation => _conversation.Value;

    /// <summary>The reply composer over the other parts.</summary>
    public ReplyComposer Composer => _composer.Value;

    /// <summary>The domain of <paramref name="contentDirectory"/>.</summary>
    public static FaqBotEngine Load(string contentDirectory, EngineOptions? options = null) => new(contentDirectory, options ?? new EngineOptions());

    /// <summary>
    /// This engine, after checking that the red-flag rules, the urgent advice and the safety note are complete: without
    /// them the bot must not answer at all.
    /// </summary>
    /// <exception cref="SafetyContentUnavailableException">Some of the safety content is missing or broken.</exception>
    public FaqBotEngine RequireSafetyContent()
    {
        Safety.EnsureComplete();
        return this;
    }

    /// <summary>How <paramref name="question"/> is analysed and which passages rank highest, for whoever tunes the lexicons and ranking.</summary>
    public QueryExplanation Explain(string question, int top = 5)
    {
        var parsed = Knowledge.Searcher.Parser.Parse(question);
        return new QueryExplanation(parsed, Knowledge.Searcher.Search(parsed, top));
    }
}

/// <summary>A question as parsed, and the passages it ranks highest.</summary>
public sealed record QueryExplanation(ParsedQuery Query, IReadOnlyList<SearchHit> Hits);
