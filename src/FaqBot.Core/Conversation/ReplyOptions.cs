namespace FaqBot.Conversation;

/// <summary>How answers are laid out.</summary>
/// <param name="ArticleBaseUrl">
/// Where the articles are published; a passage links to <c>{base}/{articleId}#{slug}</c>. By default the bot's own
/// article pages, as a path on its host.
/// </param>
/// <param name="MaxAnswerChars">The longest excerpt of a passage shown in the chat; it is cut at a sentence end.</param>
/// <param name="DidYouMeanMinConfidence">The confidence a near miss needs to be offered as "did you mean".</param>
/// <param name="MaxQuestionChars">
/// The longest message searched and checked for small talk; a longer one is still triaged in full, then the patient
/// is asked for a shorter question.
/// </param>
public sealed record ReplyOptions(
    string ArticleBaseUrl = ReplyOptions.DefaultArticleBaseUrl,
    int MaxAnswerChars = 600,
    double DidYouMeanMinConfidence = 0.15,
    int MaxQuestionChars = ReplyOptions.DefaultMaxQuestionChars)
{
    /// <summary>
    /// About 300 Danish words: over three times the longest message in the test sets (572 characters, a run-on story
    /// with its question at the end), yet short enough that search and small talk stay well under a millisecond.
    /// </summary>
    public const int DefaultMaxQuestionChars = 2000;

    /// <summary>Who to call with a red flag: fills the out-of-hours doctor into the urgent advice (default: no number).</summary>
    public UrgentContacts Urgent { get; init; } = UrgentContacts.Default;

    /// <summary>How a patient reaches the clinic: every no-match reply ends with it (default: nothing set).</summary>
    public ClinicContact Clinic { get; init; } = ClinicContact.None;

    /// <summary>
    /// The articles' address when configuration gives none: the pages the bot serves itself, relative to its own host
    /// (the host makes it absolute with its public address when it knows one).
    /// </summary>
    public const string DefaultArticleBaseUrl = "/artikler";
}
