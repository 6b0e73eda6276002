using System.Text.RegularExpressions;
using FaqBot.Channels.Activities.Schema;

namespace FaqBot.Channels.Activities.Turns;

/// <summary>Removes Teams' <c>&lt;at&gt;…&lt;/at&gt;</c> mentions so only what the patient asked reaches the search.</summary>
public static partial class MentionText
{
    /// <summary>
    /// The activity's text with mentions of the bot removed and other mentions reduced to the plain name
    /// ("<c>&lt;at&gt;Anna&lt;/at&gt;</c>" → "Anna"), trimmed.
    /// </summary>
    public static string Strip(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var mention in activity.Entities ?? [])
        {
            if (!string.Equals(mention.Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var view = mention.As<Mention>();
            if (view?.Mentioned?.Id is null || view.Mentioned.Id != botId)
            {
                continue;
            }

            var span = !string.IsNullOrEmpty(view.Text) ? view.Text : $"<at>{view.Mentioned.Name}</at>";
            text = text.Replace(span, " ", StringComparison.OrdinalIgnoreCase);
        }

        text = OtherMention().Replace(text, "$1");
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex OtherMention();

    [GeneratedRegex(@"[ \t\u00A0]{2,}")]
    private static partial Regex Whitespace();
}
