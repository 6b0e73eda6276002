using Microsoft.Extensions.Options;

namespace FaqBot.BotChannel;

/// <summary>Reads <see cref="BotChannelOptions"/> from the SDK's root keys and the <c>BotChannel</c> section.</summary>
internal sealed class BotChannelOptionsSetup(IConfiguration configuration) : IConfigureOptions<BotChannelOptions>
{
    public void Configure(BotChannelOptions options)
    {
        configuration.GetSection(BotChannelOptions.SectionName).Bind(options);

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

        if (options.MaxRequestBytes <= 0)
        {
            return ValidateOptionsResult.Fail("BotChannel:MaxRequestBytes must be positive.");
        }

        if (options.TurnBudget <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail("BotChannel:TurnBudget must be positive.");
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
}
