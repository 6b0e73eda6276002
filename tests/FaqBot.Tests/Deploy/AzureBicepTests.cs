using System.Text.RegularExpressions;

namespace FaqBot.Tests.Deploy;

/// <summary>
/// deploy/azure/main.bicep (no Bicep compiler here, so its text): the app settings are settings the server reads, the
/// runtime is the one the app targets, the health check and the bot's endpoint are real paths, all three channels.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class AzureBicepTests
{
    private static readonly string Bicep = File.ReadAllText(Path.Combine(ContentTestFiles.RepositoryRoot(), "deploy", "azure", "main.bicep"));

    [Fact]
    public async Task EveryAppSettingIsASettingTheServerReads()
    {
        var surface = await ServerSurface.GetAsync();
        // Names with an index expression (DirectLine__AllowedOrigins__${i}) stand for their first element.
        var names = AppSettingName().Matches(Bicep).Select(match => match.Groups[1].Value.Replace("${i}", "0", StringComparison.Ordinal)).ToList();

        Assert.Contains("MicrosoftAppId", names);
        Assert.Contains("DirectLine__TokenSigningKey", names);
        Assert.Contains("DirectLine__AllowedOrigins__0", names);
        var unknown = surface.UnknownEnvironmentVariables(names);
        Assert.True(unknown.Count == 0, $"not settings the server reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public async Task TheWebAppRunsTheTargetRuntimeAndTheBotCallsARealEndpointOnAllThreeChannels()
    {
        var surface = await ServerSurface.GetAsync();
        var framework = Regex.Match(File.ReadAllText(Path.Combine(ContentTestFiles.RepositoryRoot(), "Directory.Build.props")), @"<TargetFramework>net(\d+\.\d+)<").Groups[1].Value;

        Assert.Contains($"linuxFxVersion: 'DOTNETCORE|{framework}'", Bicep, StringComparison.Ordinal);
        Assert.Contains("webSocketsEnabled: true", Bicep, StringComparison.Ordinal);
        Assert.Contains(Regex.Match(Bicep, "healthCheckPath: '([^']+)'").Groups[1].Value, surface.Paths);
        Assert.Contains(Regex.Match(Bicep, @"endpoint: 'https://\$\{siteHost\}(/[^']+)'").Groups[1].Value, surface.Paths);
        Assert.Contains("msaAppType: 'UserAssignedMSI'", Bicep, StringComparison.Ordinal);
        Assert.Contains("{ name: 'MicrosoftAppType', value: 'UserAssignedMSI' }", Bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("MicrosoftAppPassword", Bicep, StringComparison.Ordinal);
        foreach (var channel in new[] { "WebChatChannel", "MsTeamsChannel", "DirectLineChannel" })
        {
            Assert.Contains($"channelName: '{channel}'", Bicep, StringComparison.Ordinal);
        }

        Assert.Contains("Microsoft.DBforPostgreSQL/flexibleServers", Bicep, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{ name: '([^']+)', value: ")]
    private static partial Regex AppSettingName();
}
