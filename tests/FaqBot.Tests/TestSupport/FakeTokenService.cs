using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Tests.TestSupport;

/// <summary>
/// An Entra-like token endpoint on loopback over HTTPS (MSAL insists on https) with a throw-away self-signed
/// certificate; records the client-credentials requests it gets.
/// </summary>
public sealed class FakeTokenService : IAsyncDisposable
{
    public const string AccessToken = "access-token-issued-by-the-fake-sts";

    private WebApplication? _app;

    private FakeTokenService(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    /// <summary><c>https://127.0.0.1:{port}</c>, the authority host for MSAL.</summary>
    public string AuthorityHost { get; private set; } = "";

    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Form)> Requests { get; } = new();

    public static async Task<FakeTokenService> StartAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var service = new FakeTokenService(certificate);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            service.Requests.Enqueue((context.Request.Path.Value!, form.ToDictionary(field => field.Key, field => field.Value.ToString())));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = AccessToken });
        });
        await app.StartAsync();
        service._app = app;
        service.AuthorityHost = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return service;
    }

    /// <summary>A handler that trusts exactly this service's certificate, for the bot's MSAL HttpClient.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString(),
        },
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Certificate.Dispose();
    }
}
