using FaqBot.Channels.Activities.Inbound;
using FaqBot.Channels.Activities.Schema;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace FaqBot.Channels.BotChannel.Authentication;

/// <summary>
/// Who may call <c>/api/messages</c>, as ASP.NET Core authentication: two JwtBearer schemes (Bot Framework channels,
/// Emulator/Entra), chosen by the token's unvalidated issuer, behind one policy that the route group requires.
/// </summary>
public static class ChannelAuthentication
{
    /// <summary>The scheme the route group authenticates with; it forwards to the issuer's JwtBearer scheme.</summary>
    public const string Scheme = "BotChannel";

    /// <summary>The authorization policy of the route group.</summary>
    public const string Policy = "BotChannelCaller";

    internal const string ChannelsScheme = "BotChannel.Channels";
    internal const string EmulatorScheme = "BotChannel.Emulator";

    public static IServiceCollection AddChannelAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ChannelJwtBearerSetup>();
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Bot Framework channel token", scheme => scheme.ForwardDefaultSelector = SchemeFor)
            .AddJwtBearer(ChannelsScheme)
            .AddJwtBearer(EmulatorScheme);
        services.AddSingleton<IAuthorizationHandler, ChannelCallerHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .AddRequirements(new ChannelCallerRequirement()));
        services.AddSingleton<ChannelActivityFilter>();
        return services;
    }

    /// <summary>The unvalidated issuer only chooses which metadata to validate against; JwtBearer then checks it properly.</summary>
    private static string SchemeFor(HttpContext context)
    {
        if (BearerToken.Of(context.Request) is not { } token)
        {
            return ChannelsScheme;
        }

        try
        {
            return new JsonWebToken(token).Issuer == ChannelJwtBearerSetup.ChannelIssuer ? ChannelsScheme : EmulatorScheme;
        }
        catch (ArgumentException)
        {
            // Not a JWT (IdentityModel's SecurityTokenMalformedException is an ArgumentException): the channels scheme rejects it.
            return ChannelsScheme;
        }
    }

    /// <summary>The 401 every rejection gets; the reason is logged, not returned, so a caller probing the validator learns nothing.</summary>
    internal static IResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return ErrorResults.Of(StatusCodes.Status401Unauthorized, "Unauthorized", "The request is not authorized.");
    }
}

/// <summary>A caller the bot talks to: a valid channel token with an app id; without one, an anonymous caller if allowed.</summary>
internal sealed class ChannelCallerRequirement : IAuthorizationRequirement;

/// <summary>
/// With an app id every request needs a channel token. Without one, only anonymous requests are accepted (a token
/// cannot name a bot without an id; the SDK refuses it too), and only where <see cref="BotChannelOptions.AllowAnonymous"/> is on.
/// </summary>
internal sealed class ChannelCallerHandler(IOptions<BotChannelOptions> options) : AuthorizationHandler<ChannelCallerRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ChannelCallerRequirement requirement)
    {
        var settings = options.Value;
        var allowed = settings.RequiresAuthentication
            ? context.User.Identity?.IsAuthenticated == true
            : settings.AllowAnonymous == true && context.Resource is HttpContext http && string.IsNullOrEmpty(http.Request.Headers.Authorization);
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
