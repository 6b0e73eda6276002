using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Conversation;

/// <summary>
/// How a patient reaches the clinic (settings <c>Clinic:*</c>), filled into the <c>[contact]</c> text every no-match
/// reply ends with. Placeholders: <c>{klinik}</c>, <c>{telefon}</c>, <c>{email}</c>, <c>{booking}</c>, each optionally
/// with a fallback after <c>|</c> (<c>{klinik|klinikken}</c>). A line with a placeholder that has neither a value nor a
/// fallback is left out, so a clinic that sets nothing gets a neutral sentence without a link.
/// </summary>
/// <param name="Name">The clinic's name as it reads in a sentence ("Fysioterapi Nord").</param>
/// <param name="Phone">A phone number (digits and spaces, optionally <c>+45</c>); shown as a link to call.</param>
/// <param name="Email">An e-mail address; shown as a <c>mailto:</c> link.</param>
/// <param name="BookingUrl">An absolute http(s) address of the online booking.</param>
public sealed partial record ClinicContact(string? Name, string? Phone, string? Email, Uri? BookingUrl)
{
    /// <summary>Nothing set: the contact text keeps only its lines without a placeholder or with a fallback.</summary>
    public static readonly ClinicContact None = new(null, null, null, null);

    /// <summary>The placeholders the contact text may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["klinik", "telefon", "email", "booking"];

    /// <summary><paramref name="text"/> with the placeholders filled, as Markdown; lines that cannot be filled are left out.</summary>
    public string Fill(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var complete = true;
            var filled = Placeholder().Replace(line, match =>
            {
                var value = Value(match.Groups["name"].Value)
                    ?? (match.Groups["fallback"].Success ? match.Groups["fallback"].Value : null);
                complete &= value is not null;
                return value ?? "";
            });
            if (complete)
            {
                kept.Add(filled);
            }
        }

        return string.Join('\n', kept).Trim();
    }

    /// <summary>The <c>{…}</c> in <paramref name="text"/> that are not one of <see cref="Placeholders"/>.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string text) =>
        AnyPlaceholder().Matches(text).Select(match => match.Value)
            .Where(placeholder => !Placeholder().IsMatch(placeholder));

    /// <summary>Whether <paramref name="phone"/> is a phone number a patient can call (digits and spaces, optionally a leading +).</summary>
    public static bool IsPhoneNumber(string phone) => PhoneNumber().IsMatch(phone.Trim());

    /// <summary>Whether <paramref name="email"/> is one plain address (no name, no angle brackets).</summary>
    public static bool IsEmailAddress(string email) => EmailAddress().IsMatch(email.Trim());

    /// <summary>The Markdown a placeholder stands for, or null when it is not set.</summary>
    private string? Value(string placeholder) => placeholder switch
    {
        "klinik" => Name is { Length: > 0 } name ? EscapeMarkdown(name.Trim()) : null,
        "telefon" => Phone is { Length: > 0 } phone ? $"[{phone.Trim()}]({new PhoneCall("", phone.Trim()).TelUri})" : null,
        "email" => Email is { Length: > 0 } email ? $"[{EscapeMarkdown(email.Trim())}](mailto:{email.Trim()})" : null,
        // Parentheses would end the Markdown link early; percent-encoded they mean the same address.
        "booking" => BookingUrl?.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal),
        _ => null,
    };

    /// <summary>A setting's text as literal Markdown: a name with <c>*</c> or <c>[</c> must not format or link.</summary>
    private static string EscapeMarkdown(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '|' or '~')
            {
                escaped.Append('\\');
            }

            escaped.Append(ch);
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"\{(?<name>klinik|telefon|email|booking)(?:\|(?<fallback>[^{}]*))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[^{}\n]*\}")]
    private static partial Regex AnyPlaceholder();

    [GeneratedRegex(@"^\+?[0-9]( ?[0-9]){2,14}$")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"^[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\.[^\s@<>()\[\]]+$")]
    private static partial Regex EmailAddress();
}
