using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// A local stand-in for login.botframework.com and Entra ID: its own RSA keys, OpenID metadata and JWKS (channel keys
/// carry endorsements) on loopback, and tokens minted with IdentityModel.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
    public const string ChannelKeyId = "channel-key-1";
    public const string EmulatorKeyId = "emulator-key-1";
    public static readonly string[] Endorsements = ["msteams", "webchat", "directline"];

    private readonly RSA _channelRsa = RSA.Create(2048);
    private readonly RSA _emulatorRsa = RSA.Create(2048);
    private readonly RSA _impostorRsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();
    private LoopbackServer? _server;

    public string ChannelMetadataUrl => new Uri(Server.BaseAddress, "channels/v1/.well-known/openidconfiguration").AbsoluteUri;

    public string EmulatorMetadataUrl => new Uri(Server.BaseAddress, "emulator/v2.0/.well-known/openid-configuration").AbsoluteUri;

    private LoopbackServer Server => _server ?? throw new InvalidOperationException("Start the issuer first.");

    public async Task StartAsync()
    {
        _server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/channels/v1/.well-known/openidconfiguration", () => Metadata(ChannelIssuer, "channels/v1/keys"));
            app.MapGet("/channels/v1/keys", () => Results.Json(Keys(_channelRsa, ChannelKeyId, Endorsements)));
            app.MapGet("/emulator/v2.0/.well-known/openid-configuration", () => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "emulator/keys"));
            app.MapGet("/emulator/keys", () => Results.Json(Keys(_emulatorRsa, EmulatorKeyId, endorsements: null)));
        });
    }

    /// <summary>A channel token as Azure Bot Service sends it; each argument breaks one thing.</summary>
    public string ChannelToken(
        string audience,
        string? serviceUrl,
        string issuer = ChannelIssuer,
        DateTime? expires = null,
        bool signWithImpostorKey = false,
        string keyId = ChannelKeyId)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var rsa = signWithImpostorKey ? _impostorRsa : _channelRsa;
        return Create(issuer, audience, claims, rsa, keyId, expires);
    }

    /// <summary>An Entra v2 token as the Emulator gets it with the bot's own credentials.</summary>
    public string EmulatorToken(string appId, string authorizedParty) =>
        Create(EmulatorIssuer, appId, new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = authorizedParty }, _emulatorRsa, EmulatorKeyId, expires: null);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _channelRsa.Dispose();
        _emulatorRsa.Dispose();
        _impostorRsa.Dispose();
    }

    private string Create(string issuer, string audience, Dictionary<string, object> claims, RSA rsa, string keyId, DateTime? expires)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-60),
            NotBefore = expiry.AddMinutes(-60),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private IResult Metadata(string issuer, string keysPath) => Results.Json(new JsonObject
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(Server.BaseAddress, keysPath).AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    });

    private static JsonObject Keys(RSA rsa, string keyId, string[]? endorsements)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = keyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            key["endorsements"] = new JsonArray([.. endorsements.Select(channel => (JsonNode)JsonValue.Create(channel))]);
        }

        return new JsonObject { ["keys"] = new JsonArray(key) };
    }
}
