namespace FaqBot.Hosting;

/// <summary>Where the content folder is: <c>--content DIR</c>, else <c>FAQBOT_CONTENT</c>, else the copy shipped beside the binary.</summary>
internal static class ContentLocation
{
    /// <summary>The environment variable that overrides the content folder.</summary>
    public const string EnvironmentVariable = "FAQBOT_CONTENT";

    /// <summary>The content folder shipped with the build (the repository's <c>content/</c>).</summary>
    public static string Default =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(AppContext.BaseDirectory, "content");
}
