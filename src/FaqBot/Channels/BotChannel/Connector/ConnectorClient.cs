using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FaqBot.Channels.Activities.Schema;
using Polly;

namespace FaqBot.Channels.BotChannel.Connector;

/// <summary>Sends activities to a channel's Bot Connector (<c>{serviceUrl}v3/conversations/…</c>).</summary>
/// <remarks>
/// A singleton used from background delivery, so it asks <see cref="IHttpClientFactory"/> for a client per call
/// rather than holding one (handlers rotate, DNS changes are seen).
/// </remarks>
public sealed class ConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokenProvider,
    ResiliencePipeline<HttpResponseMessage> retryPipeline,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    /// <summary>
    /// POSTs <paramref name="activity"/> as a reply to its <c>replyToId</c>, or as a new message when it has none.
    /// Returns the id the channel gave it, or null when the Connector refused it.
    /// </summary>
    public async Task<ResourceResponse?> SendAsync(Uri serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        var uri = ActivitiesUri(serviceUrl, activity);
        var httpClient = httpClientFactory.CreateClient(HttpClientName);
        var response = await SendWithRetriesAsync(httpClient, uri, activity, forceTokenRefresh: false, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The cached token may have been revoked or rotated: renew it once, as the SDK does.
            response.Dispose();
            response = await SendWithRetriesAsync(httpClient, uri, activity, forceTokenRefresh: true, cancellationToken);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                logger.LogError(
                    "The Connector refused a {Type} activity with {Status} (operation {OperationId})",
                    activity.Type,
                    (int)response.StatusCode,
                    response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null);
                return null;
            }

            return response.Content.Headers.ContentLength == 0
                ? new ResourceResponse(null)
                : await ReadResourceAsync(response, cancellationToken);
        }
    }

    private Task<HttpResponseMessage> SendWithRetriesAsync(
        HttpClient httpClient,
        Uri uri,
        Activity activity,
        bool forceTokenRefresh,
        CancellationToken cancellationToken) =>
        retryPipeline.ExecuteAsync(
            async token =>
            {
                // A request message cannot be sent twice, so every attempt builds its own.
                using var request = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Content = JsonContent.Create(activity, options: BotJson.Options),
                };
                var accessToken = await tokenProvider.GetTokenAsync(forceTokenRefresh, token);
                if (accessToken is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                }

                return await httpClient.SendAsync(request, token);
            },
            cancellationToken).AsTask();

    /// <summary>The reply or send URI; Teams ids contain <c>:;@</c>, so both ids are percent-encoded.</summary>
    internal static Uri ActivitiesUri(Uri serviceUrl, Activity activity)
    {
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("An outgoing activity needs a conversation id.", nameof(activity));
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        var baseUri = serviceUrl.AbsoluteUri.EndsWith('/') ? serviceUrl : new Uri(serviceUrl.AbsoluteUri + "/");
        return new Uri(baseUri, path);
    }

    private static async Task<ResourceResponse?> ReadResourceAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ResourceResponse>(BotJson.Options, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            // The activity was delivered; only its id is unknown.
            return new ResourceResponse(null);
        }
    }
}
