using System.Security.Claims;
using FaqBot.Channels.Activities.Inbound;
using FaqBot.Channels.Activities.Schema;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.Channels.DirectLine.Authentication;

/// <summary>
/// Who may call <c>/v3/directline</c>, as ASP.NET Core authentication: a JwtBearer scheme for the server's own
/// conversation tokens (from the Authorization header, or <c>?t=</c> on the stream) and the secret, and a policy whose
/// handler binds a token to its conversation. An expired or forged token gets 401, another conversation's 403.
/// </summary>
public static class DirectLineAuthentication
{
    public const string Scheme = "DirectLine";
    public const string Policy = "DirectLineCaller";

    /// <summary>The route value that names the conversation a request is for.</summary>
    public const string ConversationRouteKey = "conversationId";

    public static IServiceCollection AddDirectLineAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, DirectLineJwtBearerSetup>();
        services.AddAuthentication().AddJwtBearer(Scheme);
        services.AddSingleton<IAuthorizationHandler, DirectLineConversationHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .AddRequirements(new DirectLineConversationRequirement()));
        return services;
    }
}

/// <summary>Reads the token where Direct Line clients put it, accepts the secret, and answers failures with a JSON error.</summary>
internal sealed class DirectLineJwtBearerSetup(DirectLineTokenService tokens) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != DirectLineAuthentication.Scheme)
        {
            return;
        }

        options.MapInboundClaims = false;
        options.TokenValidationParameters = tokens.ValidationParameters();
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var isStream = DirectLineStreamEndpointMetadata.IsStream(context.HttpContext);
                var bearer = isStream ? context.Request.Query["t"].ToString() : BearerToken.Of(context.Request);
                if (string.IsNullOrEmpty(bearer))
                {
                    context.NoResult();
                }
                else if (!isStream && tokens.IsSecret(bearer))
                {
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(DirectLineCaller.SecretClaim, "true")], DirectLineAuthentication.Scheme));
                    context.Success();
                }
                else
                {
                    context.Token = bearer;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (DirectLineCaller.From(context.Principal!) is null)
                {
                    context.Fail("The token names no conversation.");
                }

                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                var (code, message) = context.AuthenticateFailure switch
                {
                    null => ("BadArgument", "A Direct Line token is required."),
                    SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => ("TokenExpired", "The token has expired."),
                    _ => ("BadArgument", "The token is not valid."),
                };
                return ErrorResults.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, message);
            },
        };
    }
}

/// <summary>A token is good for its own conversation only, and a stream token for the stream only.</summary>
internal sealed class DirectLineConversationRequirement : IAuthorizationRequirement;

internal sealed class DirectLineConversationHandler : AuthorizationHandler<DirectLineConversationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DirectLineConversationRequirement requirement)
    {
        if (context.Resource is not HttpContext http || DirectLineCaller.From(context.User) is not { } caller)
        {
            // Not authenticated: the scheme's challenge answers 401.
            return Task.CompletedTask;
        }

        if (caller.Grant is not { } grant)
        {
            context.Succeed(requirement);
        }
        else if (grant.IsStreamToken != DirectLineStreamEndpointMetadata.IsStream(http))
        {
            // A stream token sits in a URL, so it may only open the stream it was made for.
            context.Fail(new AuthorizationFailureReason(this, "This token cannot be used here."));
        }
        else if (http.Request.RouteValues.TryGetValue(DirectLineAuthentication.ConversationRouteKey, out var routeValue)
            && !string.Equals(routeValue as string, grant.ConversationId, StringComparison.Ordinal))
        {
            context.Fail(new AuthorizationFailureReason(this, "The token is not valid for this conversation."));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
