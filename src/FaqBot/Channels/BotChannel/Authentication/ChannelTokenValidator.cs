using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// Validates the bearer token on <c>POST /api/messages</c> as Azure Bot Service expects: the issuer picks the metadata,
/// then signature (RS256/384/512), issuer, audience = app id and lifetime (5 min skew) are checked by IdentityModel.
/// </summary>
public sealed class ChannelTokenValidator(
    IOptions<BotChannelOptions> options,
    ChannelOpenIdMetadata metadata,
    ILogger<ChannelTokenValidator> logger)
{
    internal const string ChannelIssuer = "https://api.botframework.com";

    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The validated token, or null (and the reason is logged) when the request must get 401.</summary>
    public async Task<ChannelToken?> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Reject("no bearer token");
        }

        var jwt = authorizationHeader[scheme.Length..].Trim();
        string issuer;
        try
        {
            // The unvalidated issuer only chooses which metadata to validate against; IdentityModel then checks it properly.
            issuer = _handler.ReadJsonWebToken(jwt).Issuer;
        }
        catch (ArgumentException)
        {
            // IdentityModel's SecurityTokenMalformedException is an ArgumentException.
            return Reject("the bearer token is not a JWT");
        }

        var settings = options.Value;
        var (kind, configurationManager, validIssuers) = issuer == ChannelIssuer
            ? (TokenIssuerKind.Channels, metadata.Channels, new[] { ChannelIssuer })
            : (TokenIssuerKind.Emulator, metadata.Emulator, EmulatorIssuers(settings.AppTenantId));

        if (kind == TokenIssuerKind.Emulator && !validIssuers.Contains(issuer, StringComparer.Ordinal))
        {
            return Reject("the issuer is not trusted");
        }

        OpenIdConnectConfiguration configuration;
        TokenValidationResult result;
        try
        {
            configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(jwt, Parameters(settings.AppId!, validIssuers, configuration));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // A key rollover: fetch the keys again (IdentityModel rate-limits this) and retry once.
                configurationManager.RequestRefresh();
                configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
                result = await _handler.ValidateTokenAsync(jwt, Parameters(settings.AppId!, validIssuers, configuration));
            }
        }
        catch (InvalidOperationException exception)
        {
            // The metadata could not be fetched; refusing is the only safe answer.
            logger.LogError(exception, "OpenID metadata for {Issuer} tokens is unavailable", kind);
            return null;
        }

        if (!result.IsValid)
        {
            return Reject(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (kind == TokenIssuerKind.Emulator && !IsIssuedForThisBot(result.ClaimsIdentity, settings.AppId!))
        {
            return Reject("the Emulator token was not issued to this bot (appid/azp)");
        }

        var token = (JsonWebToken)result.SecurityToken;
        var keyId = result.SecurityToken.SigningKey?.KeyId ?? token.Kid;
        var signingKey = configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => key.Kid == keyId);
        var endorsements = signingKey is not null && signingKey.AdditionalData.TryGetValue("endorsements", out var value)
            ? ChannelToken.ReadEndorsements(value)
            : null;
        var serviceUrl = token.TryGetPayloadValue<string>("serviceurl", out var claim) ? claim
            : token.TryGetPayloadValue<string>("serviceUrl", out claim) ? claim
            : null;

        return new ChannelToken(kind, endorsements, serviceUrl);
    }

    private ChannelToken? Reject(string reason)
    {
        logger.LogWarning("Rejected a request to /api/messages: {Reason}", reason);
        return null;
    }

    private static TokenValidationParameters Parameters(string appId, string[] validIssuers, OpenIdConnectConfiguration configuration) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = validIssuers,
        ValidateAudience = true,
        ValidAudience = appId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
    };

    /// <summary>The SDK's Emulator rule: v1 tokens name the bot in <c>appid</c>, v2 tokens in <c>azp</c>.</summary>
    private static bool IsIssuedForThisBot(ClaimsIdentity identity, string appId)
    {
        var version = identity.FindFirst("ver")?.Value;
        var claimType = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        return claimType is not null && string.Equals(identity.FindFirst(claimType)?.Value, appId, StringComparison.Ordinal);
    }

    private static string[] EmulatorIssuers(string? tenantId)
    {
        IEnumerable<string> tenants = string.IsNullOrWhiteSpace(tenantId) ? EmulatorTenants : [.. EmulatorTenants, tenantId];
        return tenants
            .SelectMany(tenant => new[] { $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0" })
            .ToArray();
    }
}
