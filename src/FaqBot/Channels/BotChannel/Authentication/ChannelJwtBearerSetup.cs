using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// Validates the bearer token on <c>POST /api/messages</c> as Azure Bot Service expects: signature (RS256/384/512),
/// issuer, audience = app id and lifetime (5 min skew), keys from the issuer's metadata, refetched on an unknown key id.
/// A channel token also carries the signing key's endorsements, for <see cref="ChannelActivityFilter"/>.
/// </summary>
internal sealed class ChannelJwtBearerSetup(
    IOptions<BotChannelOptions> options,
    ChannelOpenIdMetadata metadata,
    ILogger<ChannelJwtBearerSetup> logger) : IConfigureNamedOptions<JwtBearerOptions>
{
    internal const string ChannelIssuer = "https://api.botframework.com";

    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    public void Configure(JwtBearerOptions jwt) => Configure(Options.DefaultName, jwt);

    public void Configure(string? name, JwtBearerOptions jwt)
    {
        var isChannels = name == ChannelAuthentication.ChannelsScheme;
        if (!isChannels && name != ChannelAuthentication.EmulatorScheme)
        {
            return;
        }

        var settings = options.Value;
        jwt.MapInboundClaims = false;
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.ConfigurationManager = isChannels ? metadata.Channels : metadata.Emulator;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = isChannels ? [ChannelIssuer] : EmulatorIssuers(settings.AppTenantId),
            ValidateAudience = true,
            ValidAudience = settings.AppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = Algorithms,
        };
        jwt.Events = new JwtBearerEvents
        {
            // Without an app id no token can be for this bot: nothing is validated (nor any metadata fetched).
            OnMessageReceived = context =>
            {
                if (!settings.RequiresAuthentication)
                {
                    context.NoResult();
                }

                return Task.CompletedTask;
            },
            OnAuthenticationFailed = context =>
            {
                logger.LogWarning("Rejected a request to /api/messages: {Reason}", context.Exception.GetType().Name);
                return Task.CompletedTask;
            },
            OnTokenValidated = isChannels ? AddEndorsementsAsync : CheckIssuedForThisBot,
            OnChallenge = context =>
            {
                context.HandleResponse();
                return ChannelAuthentication.Unauthorized(context.HttpContext).ExecuteAsync(context.HttpContext);
            },
        };
    }

    /// <summary>The signing key's endorsements (the channels it may speak for) become claims of the caller.</summary>
    private static async Task AddEndorsementsAsync(TokenValidatedContext context)
    {
        var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var token = (JsonWebToken)context.SecurityToken;
        var keyId = token.SigningKey?.KeyId ?? token.Kid;
        var signingKey = configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => key.Kid == keyId);
        var endorsements = signingKey is not null && signingKey.AdditionalData.TryGetValue("endorsements", out var value)
            ? ChannelToken.ReadEndorsements(value)
            : null;
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        foreach (var channel in endorsements ?? [])
        {
            identity.AddClaim(new Claim(ChannelToken.EndorsementClaim, channel));
        }
    }

    /// <summary>The SDK's Emulator rule: v1 tokens name the bot in <c>appid</c>, v2 tokens in <c>azp</c>.</summary>
    private Task CheckIssuedForThisBot(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var claimType = principal.FindFirst("ver")?.Value switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (claimType is null || !string.Equals(principal.FindFirst(claimType)?.Value, options.Value.AppId, StringComparison.Ordinal))
        {
            logger.LogWarning("Rejected a request to /api/messages: {Reason}", "the Emulator token was not issued to this bot (appid/azp)");
            context.Fail("The Emulator token was not issued to this bot.");
        }

        return Task.CompletedTask;
    }

    private static string[] EmulatorIssuers(string? tenantId)
    {
        IEnumerable<string> tenants = string.IsNullOrWhiteSpace(tenantId) ? EmulatorTenants : [.. EmulatorTenants, tenantId];
        return tenants
            .SelectMany(tenant => new[] { $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0" })
            .ToArray();
    }
}
