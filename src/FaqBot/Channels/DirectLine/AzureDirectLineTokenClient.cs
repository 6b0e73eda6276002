using System.Net.Http.Headers;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using Microsoft.Extensions.Options;

namespace FaqBot.Channels.DirectLine;

/// <summary>
/// For a clinic with an Azure Bot registration: exchanges the Direct Line secret for a token server-side, so the page
/// talks to Azure's Direct Line without ever seeing the secret.
/// </summary>
public sealed class AzureDirectLineTokenClient(IHttpClientFactory httpClients, IOptions<DirectLineOptions> options)
{
    public const string HttpClientName = "AzureDirectLine";

    public async Task<WebChatTokenResponse?> GenerateAsync(CancellationToken cancellationToken)
    {
        var azure = options.Value.Azure;
        using var request = new HttpRequestMessage(HttpMethod.Post, azure.Domain.TrimEnd('/') + "/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", azure.Secret);
        // A dl_ user id makes Azure put it into the token, so Web Chat and the bot see the same user.
        request.Content = JsonContent.Create(new DirectLineStartRequest(new ChannelAccount { Id = DirectLineTokenService.NewUserId() }, null), options: BotJson.Options);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var conversation = await response.Content.ReadFromJsonAsync<DirectLineConversationResponse>(BotJson.Options, cancellationToken);
        return conversation is null ? null : new WebChatTokenResponse(conversation.Token, conversation.ConversationId, conversation.ExpiresIn);
    }
}
