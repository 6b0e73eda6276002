using FaqBot.Conversation;

namespace FaqBot.Hosting;

/// <summary>
/// The clinic's contact for the no-match replies (section <c>Clinic</c>): <c>Name</c>, <c>Phone</c>, <c>Email</c>,
/// <c>BookingUrl</c>. Each may be empty; a malformed one stops the start-up, since a patient would get a wrong number or
/// a broken link.
/// </summary>
internal static class ClinicContactSettings
{
    public const string NameSetting = "Clinic:Name";
    public const string PhoneSetting = "Clinic:Phone";
    public const string EmailSetting = "Clinic:Email";
    public const string BookingUrlSetting = "Clinic:BookingUrl";

    public static ClinicContact From(IConfiguration configuration)
    {
        var phone = Set(configuration, PhoneSetting);
        if (phone is not null && !ClinicContact.IsPhoneNumber(phone))
        {
            throw new InvalidSettingException($"{PhoneSetting} must be a phone number (digits and spaces, e.g. '70 11 22 33'), not '{phone}'.");
        }

        var email = Set(configuration, EmailSetting);
        if (email is not null && !ClinicContact.IsEmailAddress(email))
        {
            throw new InvalidSettingException($"{EmailSetting} must be an e-mail address (e.g. 'kontakt@klinik.dk'), not '{email}'.");
        }

        Uri? booking = null;
        if (Set(configuration, BookingUrlSetting) is { } bookingUrl
            && !HttpAddress.TryAbsolute(bookingUrl, out booking))
        {
            throw new InvalidSettingException($"{BookingUrlSetting} must be an absolute http(s) URL, not '{bookingUrl}'.");
        }

        return new ClinicContact(Set(configuration, NameSetting), phone, email, booking);
    }

    private static string? Set(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
