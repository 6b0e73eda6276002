using System.Net;
using System.Net.Sockets;

namespace FaqBot.RateLimiting;

/// <summary>What a per-client rate limit counts against.</summary>
public static class ClientNetwork
{
    /// <summary>
    /// The partition a client address counts against: an IPv4 address itself, an IPv6 address its /64 (one household or
    /// server gets a whole /64, so per-address limits would be no limit at all).
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }
}
