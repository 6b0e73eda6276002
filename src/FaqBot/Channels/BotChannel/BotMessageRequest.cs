using System.Reflection;
using FaqBot.Channels.Activities.Inbound;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.BotChannel;

/// <summary>The body of <c>POST /api/messages</c>, bound by minimal APIs within <see cref="BotChannelOptions.MaxRequestBytes"/>.</summary>
/// <param name="Body">The activity, or why the body was not accepted.</param>
public sealed record BotMessageRequest(ActivityRequest Body)
{
    /// <summary>Minimal APIs call this to bind the parameter.</summary>
    public static async ValueTask<BotMessageRequest> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<BotChannelOptions>>().Value.MaxRequestBytes;
        return new BotMessageRequest(await ActivityRequest.ReadAsync(context.Request, limit, context.RequestAborted));
    }
}
