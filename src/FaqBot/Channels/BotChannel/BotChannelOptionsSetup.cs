using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel;

/// <summary>Reads <see cref="BotChannelOptions"/> from the SDK's root keys and the <c>BotChannel</c> section.</summary>
internal sealed class BotChannelOptionsSetup(IConfiguration configuration, IHostEnvironment environment) : IConfigureOptions<BotChannelOptions>
{
    public void Configure(BotChannelOptions options)
    {
        configuration.GetSection(BotChannelOptions.SectionName).Bind(options);
        // Anonymous /api/messages is for local development: a public server must opt in.
        options.AllowAnonymous ??= environment.IsDevelopment();

        var appType = configuration["MicrosoftAppType"];
        if (!string.IsNullOrWhiteSpace(appType))
        {
            // The SDK accepts any casing; an unknown value is reported by the validator rather than ignored.
            options.AppType = Enum.TryParse<BotAppType>(appType, ignoreCase: true, out var parsed)
                ? parsed
                : (BotAppType)(-1);
        }

        options.AppId = configuration["MicrosoftAppId"] ?? options.AppId;
        options.AppPassword = configuration["MicrosoftAppPassword"] ?? options.AppPassword;
        options.AppTenantId = configuration["MicrosoftAppTenantId"] ?? options.AppTenantId;
        options.ChannelOpenIdMetadataUrl = configuration["BotOpenIdMetadata"] is { Length: > 0 } metadata
            ? metadata
            : options.ChannelOpenIdMetadataUrl;
        options.EmulatorOpenIdMetadataUrl = configuration[$"{BotChannelOptions.SectionName}:EmulatorOpenIdMetadata"] is { Length: > 0 } emulator
            ? emulator
            : options.EmulatorOpenIdMetadataUrl;
    }
}

/// <summary>Rejects credential combinations Azure Bot Service would reject, at start-up rather than on the first message.</summary>
internal sealed class BotChannelOptionsValidator : IValidateOptions<BotChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, BotChannelOptions options)
    {
        if (!Enum.IsDefined(options.AppType))
        {
            return ValidateOptionsResult.Fail("MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI.");
        }

        var failures = new List<string>();
        if (options.MaxRequestBytes <= 0)
        {
            failures.Add("BotChannel:MaxRequestBytes must be positive.");
        }

        if (options.AnonymousRequestsPerMinute <= 0)
        {
            failures.Add("BotChannel:AnonymousRequestsPerMinute must be positive.");
        }

        if (options.OutboxLease < TimeSpan.FromSeconds(1) || options.OutboxRecoveryInterval <= TimeSpan.Zero)
        {
            failures.Add("BotChannel:OutboxLease must be at least a second and OutboxRecoveryInterval positive.");
        }

        if (options.ConnectorRetries < 0 || options.ConnectorRetryBaseDelay <= TimeSpan.Zero)
        {
            failures.Add("BotChannel:ConnectorRetries must not be negative and ConnectorRetryBaseDelay must be positive.");
        }

        // MSAL accepts only an https authority; the metadata may be http only on this machine (a test or local issuer).
        if (!IsUrl(options.OAuthAuthorityHost, allowLoopbackHttp: false))
        {
            failures.Add($"BotChannel:OAuthAuthorityHost must be an absolute https URL, not '{options.OAuthAuthorityHost}'.");
        }

        if (!IsUrl(options.ChannelOpenIdMetadataUrl, allowLoopbackHttp: true))
        {
            failures.Add($"BotOpenIdMetadata must be an absolute https URL, not '{options.ChannelOpenIdMetadataUrl}'.");
        }

        if (!IsUrl(options.EmulatorOpenIdMetadataUrl, allowLoopbackHttp: true))
        {
            failures.Add($"BotChannel:EmulatorOpenIdMetadata must be an absolute https URL, not '{options.EmulatorOpenIdMetadataUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectorScope))
        {
            failures.Add("BotChannel:ConnectorScope must not be empty.");
        }

        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        if (!options.RequiresAuthentication)
        {
            return ValidateOptionsResult.Success;
        }

        return options.AppType switch
        {
            BotAppType.SingleTenant when string.IsNullOrWhiteSpace(options.AppPassword) || string.IsNullOrWhiteSpace(options.AppTenantId) =>
                ValidateOptionsResult.Fail("SingleTenant needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId."),
            BotAppType.UserAssignedMSI when string.IsNullOrWhiteSpace(options.AppTenantId) || !string.IsNullOrEmpty(options.AppPassword) =>
                ValidateOptionsResult.Fail("UserAssignedMSI needs MicrosoftAppId and MicrosoftAppTenantId and no MicrosoftAppPassword."),
            BotAppType.MultiTenant when string.IsNullOrWhiteSpace(options.AppPassword) =>
                ValidateOptionsResult.Fail("MultiTenant needs MicrosoftAppPassword with MicrosoftAppId."),
            _ => ValidateOptionsResult.Success,
        };
    }

    private static bool IsUrl(string? value, bool allowLoopbackHttp) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
