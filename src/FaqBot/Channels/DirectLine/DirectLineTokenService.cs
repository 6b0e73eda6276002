using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Channels.DirectLine;

/// <summary>What a valid Direct Line token grants: one conversation, as one user.</summary>
/// <param name="ConversationId">The only conversation the token may read or post to.</param>
/// <param name="UserId">The user the server forces into <c>from.id</c>; Web Chat reads it as its userID.</param>
/// <param name="IsStreamToken">A short-lived token for the <c>streamUrl</c> only.</param>
public sealed record DirectLineGrant(string ConversationId, string UserId, bool IsStreamToken);

/// <summary>Issues and validates the HMAC-signed JWTs that bind a browser to one conversation.</summary>
public sealed class DirectLineTokenService
{
    private const string Issuer = "faqbot-directline";
    private const string Audience = "faqbot-directline";
    internal const string ConversationClaim = "conv";
    internal const string UserClaim = "user";
    internal const string ScopeClaim = "scp";
    internal const string StreamScope = "stream";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key;
    private readonly SigningCredentials _credentials;
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _time;

    public DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var keyBytes = string.IsNullOrWhiteSpace(_options.TokenSigningKey)
            ? RandomNumberGenerator.GetBytes(32)
            : Convert.FromBase64String(_options.TokenSigningKey);
        _key = new SymmetricSecurityKey(keyBytes);
        _credentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>Seconds a conversation token lives, as <c>expires_in</c>.</summary>
    public int LifetimeSeconds => (int)_options.TokenLifetime.TotalSeconds;

    /// <summary>A token for <paramref name="conversationId"/> as <paramref name="userId"/>, valid for the configured lifetime.</summary>
    public string Issue(string conversationId, string userId) => Create(conversationId, userId, _options.TokenLifetime, stream: false);

    /// <summary>A token that only opens the conversation's WebSocket stream; it ends up in a URL, so it lives briefly.</summary>
    public string IssueStreamToken(string conversationId, string userId) =>
        Create(conversationId, userId, _options.StreamTokenLifetime, stream: true);

    /// <summary>
    /// What the Direct Line authentication scheme checks: signature, issuer, audience and lifetime; the authorization
    /// handler checks the conversation.
    /// </summary>
    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = _key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        // One server issues and checks, so there is no clock skew to allow for.
        ClockSkew = TimeSpan.Zero,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } end && now < end && (notBefore is not { } start || now >= start);
        },
    };

    /// <summary>Whether <paramref name="bearer"/> is the configured server-side secret (constant-time comparison).</summary>
    public bool IsSecret(string bearer)
    {
        if (string.IsNullOrEmpty(_options.Secret))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), Encoding.UTF8.GetBytes(_options.Secret));
    }

    /// <summary>A new unguessable conversation id (URL-safe, no <c>|</c>, which separates the activity sequence).</summary>
    public static string NewConversationId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));

    /// <summary>A new user id; the <c>dl_</c> prefix marks it as server-assigned, as Azure does.</summary>
    public static string NewUserId() => "dl_" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));

    private string Create(string conversationId, string userId, TimeSpan lifetime, bool stream)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [ConversationClaim] = conversationId,
            [UserClaim] = userId,
        };
        if (stream)
        {
            claims[ScopeClaim] = StreamScope;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = _credentials,
        });
    }
}
