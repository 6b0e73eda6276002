namespace FaqBot.Conversation;

/// <summary>How answers are laid out.</summary>
/// <param name="ArticleBaseUrl">Where the articles are published; a passage links to <c>{base}/{articleId}#{slug}</c>.</param>
/// <param name="MaxAnswerChars">The longest excerpt of a passage shown in the chat; it is cut at a sentence end.</param>
/// <param name="DidYouMeanMinConfidence">The confidence a near miss needs to be offered as "did you mean".</param>
public sealed record ReplyOptions(
    string ArticleBaseUrl = ReplyOptions.DefaultArticleBaseUrl,
    int MaxAnswerChars = 600,
    double DidYouMeanMinConfidence = 0.15)
{
    /// <summary>The articles' address when configuration gives none.</summary>
    public const string DefaultArticleBaseUrl = "https://www.fysfinder.dk/artikler";
}
