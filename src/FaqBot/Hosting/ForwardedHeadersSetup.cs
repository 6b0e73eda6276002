using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FaqBot.Hosting;

/// <summary>
/// Behind a TLS reverse proxy (the documented deployment) the client's address, scheme and host arrive as
/// <c>X-Forwarded-For/-Proto/-Host</c>. ASP.NET Core's forwarded-headers middleware applies them, but only from the
/// proxies listed in <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR),
/// or from loopback when none is listed; anyone else's forwarded headers are ignored, so a client cannot fake its address.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        // Built at start-up (ValidateOnStart), so a proxy setting that is not an address stops the server there.
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((options, configuration) => Configure(options, configuration.GetSection(SectionName)))
            .ValidateOnStart();
        return services;
    }

    private static void Configure(ForwardedHeadersOptions options, IConfiguration section)
    {
        var failures = new List<string>();
        var proxyAddresses = new List<IPAddress>();
        foreach (var proxy in (section.GetSection("KnownProxies").Get<string[]>() ?? []).Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            if (IPAddress.TryParse(proxy.Trim(), out var address))
            {
                proxyAddresses.Add(address);
            }
            else
            {
                failures.Add($"{SectionName}:KnownProxies: '{proxy}' is not an IP address.");
            }
        }

        var proxyNetworks = new List<System.Net.IPNetwork>();
        foreach (var network in (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (System.Net.IPNetwork.TryParse(network.Trim(), out var parsed))
            {
                proxyNetworks.Add(parsed);
            }
            else
            {
                failures.Add($"{SectionName}:KnownNetworks: '{network}' is not a network like 10.0.0.0/8.");
            }
        }

        if (failures.Count > 0)
        {
            throw new InvalidSettingException(string.Join(" ", failures));
        }

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // Unconfigured, only loopback is trusted (a proxy on the same machine, ASP.NET Core's default); configured,
        // exactly the named proxies are.
        if (proxyAddresses.Count > 0 || proxyNetworks.Count > 0)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
        }

        foreach (var address in proxyAddresses)
        {
            options.KnownProxies.Add(address);
        }

        foreach (var network in proxyNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }
}
