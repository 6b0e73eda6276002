using System.Text.RegularExpressions;

namespace FaqBot.Conversation;

/// <summary>A number the patient can tap to call, e.g. 112.</summary>
/// <param name="Label">The button's Danish text ("Ring 112").</param>
/// <param name="Number">The number as a Dane writes it ("70 11 31 31").</param>
public sealed record PhoneCall(string Label, string Number)
{
    /// <summary>The <c>tel:</c> URI a phone dials: the digits (and a leading +) only.</summary>
    public string TelUri => "tel:" + new string([.. Number.Where(c => char.IsAsciiDigit(c) || c == '+')]);
}

/// <summary>
/// Who a patient with a red flag should call: 112, and the out-of-hours doctor (lægevagten), whose number differs by
/// Danish region. Fills the <c>{lægevagt}</c> placeholder of the urgent advice.
/// </summary>
/// <param name="OutOfHoursText">The words for the out-of-hours doctor in a sentence ("lægevagten på 1818").</param>
/// <param name="OutOfHoursNumber">Its number, when the clinic's region or number is configured; else null.</param>
public sealed partial record UrgentContacts(string OutOfHoursText, string? OutOfHoursNumber)
{
    /// <summary>The placeholder in the urgent advice for the out-of-hours doctor.</summary>
    public const string OutOfHoursPlaceholder = "{lægevagt}";

    /// <summary>The Danish emergency number.</summary>
    public static readonly PhoneCall Emergency = new("Ring 112", "112");

    /// <summary>Without a configured region: no number, so never a wrong one.</summary>
    public static readonly UrgentContacts Default = new("lægevagten i din region", null);

    /// <summary>
    /// The out-of-hours numbers of the five regions (as published in 2025; the clinic must verify its own). The
    /// Capital Region's 1813 is called Akuttelefonen.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, UrgentContacts> Regions = new Dictionary<string, UrgentContacts>(StringComparer.OrdinalIgnoreCase)
    {
        ["hovedstaden"] = new("lægevagten (Akuttelefonen 1813)", "1813"),
        ["sjaelland"] = new("lægevagten på 1818", "1818"),
        ["syddanmark"] = new("lægevagten på 70 11 07 07", "70 11 07 07"),
        ["midtjylland"] = new("lægevagten på 70 11 31 31", "70 11 31 31"),
        ["nordjylland"] = new("lægevagten på 70 15 03 00", "70 15 03 00"),
    };

    /// <summary>The numbers to offer as buttons: 112, then the out-of-hours doctor when known.</summary>
    public IReadOnlyList<PhoneCall> Calls =>
        OutOfHoursNumber is { } number ? [Emergency, new PhoneCall($"Ring til lægevagten ({number})", number)] : [Emergency];

    /// <summary>The contacts of <paramref name="region"/> (a key of <see cref="Regions"/>), or null if unknown.</summary>
    public static UrgentContacts? ForRegion(string region) => Regions.GetValueOrDefault(region.Trim());

    /// <summary>An out-of-hours number the clinic gives itself (it overrides the region's).</summary>
    /// <returns>Null when <paramref name="number"/> is not a phone number (digits, spaces, a leading +).</returns>
    public static UrgentContacts? ForNumber(string number)
    {
        var trimmed = number.Trim();
        return PhoneNumber().IsMatch(trimmed) ? new($"lægevagten på {trimmed}", trimmed) : null;
    }

    /// <summary><paramref name="advice"/> with <see cref="OutOfHoursPlaceholder"/> filled in.</summary>
    public string Fill(string advice) => advice.Replace(OutOfHoursPlaceholder, OutOfHoursText, StringComparison.Ordinal);

    [GeneratedRegex(@"^\+?[0-9]( ?[0-9]){2,14}$")]
    private static partial Regex PhoneNumber();
}
