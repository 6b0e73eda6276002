using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace FaqBot.Cli;

/// <summary>
/// <c>faqbot teams-package DIR --bot-id ID [--output FILE]</c>: the Teams app package (a zip of manifest.json and the two
/// icons) from DIR (deploy/teams), with the Azure Bot's id in place of <c>{{BOT_ID}}</c>. Checks what Teams would
/// reject on upload — missing required fields, icons of the wrong size — so the clinic learns it here, naming the field.
/// </summary>
internal static class TeamsPackageCommand
{
    public const string BotIdPlaceholder = "{{BOT_ID}}";

    /// <summary>The options the command takes (listed by help).</summary>
    public static readonly string[] Options = ["bot-id", "output"];

    /// <summary>The manifest fields Teams requires (schema v1.22), as paths.</summary>
    public static readonly string[] RequiredFields =
    [
        "manifestVersion", "version", "id", "developer.name", "developer.websiteUrl", "developer.privacyUrl",
        "developer.termsOfUseUrl", "name.short", "description.short", "description.full", "icons.color", "icons.outline",
        "accentColor",
    ];

    /// <summary>Teams' icon sizes in pixels: colour 192×192, outline 32×32.</summary>
    public static readonly IReadOnlyDictionary<string, int> IconSizes = new Dictionary<string, int> { ["color"] = 192, ["outline"] = 32 };

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static int Run(CliArguments args, TextWriter output, TextWriter error)
    {
        args.RejectUnknown("bot-id", "output");
        if (args.Positional.Count != 1 || args.Value("bot-id") is not { } botId)
        {
            throw new CliUsageException("teams-package needs the folder of manifest.json and --bot-id ID (the Azure Bot's app id)");
        }

        if (!Guid.TryParse(botId, out _))
        {
            error.WriteLine($"faqbot: --bot-id must be the Azure Bot's app id (a GUID), not '{botId}'");
            return 1;
        }

        var folder = args.Positional[0];
        var manifestText = File.ReadAllText(Path.Combine(folder, "manifest.json")).Replace(BotIdPlaceholder, botId, StringComparison.Ordinal);
        if (ParseObject(manifestText) is not { } manifest)
        {
            error.WriteLine($"{Path.Combine(folder, "manifest.json")}: not a JSON object");
            return 1;
        }

        var problems = Problems(manifest, folder);
        foreach (var problem in problems)
        {
            error.WriteLine($"{Path.Combine(folder, "manifest.json")}: {problem}");
        }

        if (problems.Count > 0)
        {
            return 1;
        }

        var zipPath = args.Value("output") ?? "faqbot-teams.zip";
        File.Delete(zipPath);
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write(manifestText);
            }

            foreach (var icon in IconSizes.Keys.Select(kind => (string)manifest["icons"]![kind]!))
            {
                zip.CreateEntryFromFile(Path.Combine(folder, icon), icon);
            }
        }

        output.WriteLine($"{zipPath}: Teams app package for bot {botId}; upload it in Teams (Apps > Manage your apps > Upload an app)");
        return 0;
    }

    private static List<string> Problems(JsonObject manifest, string folder)
    {
        var problems = RequiredFields.Where(path => Field(manifest, path) is not { Length: > 0 }).Select(path => $"'{path}' is required").ToList();
        if (manifest["bots"] is not JsonArray { Count: > 0 } bots || bots.Any(bot => (string?)bot?["botId"] is not { Length: > 0 }))
        {
            problems.Add("'bots' needs one bot with its 'botId'");
        }

        if (manifest.ToJsonString().Contains("{{", StringComparison.Ordinal))
        {
            problems.Add("a {{placeholder}} is left");
        }

        foreach (var (kind, size) in IconSizes)
        {
            if (Field(manifest, $"icons.{kind}") is not { Length: > 0 } icon)
            {
                continue;
            }

            var path = Path.Combine(folder, icon);
            var actual = File.Exists(path) ? PngSize(path) : null;
            if (actual != (size, size))
            {
                problems.Add($"icons.{kind} '{icon}' must be a {size}x{size} PNG{(actual is { } a ? $", not {a.Width}x{a.Height}" : File.Exists(path) ? "" : ": no such file")}");
            }
        }

        return problems;
    }

    private static JsonObject? ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Field(JsonObject manifest, string path) =>
        path.Split('.').Aggregate((JsonNode?)manifest, (node, name) => node is JsonObject o ? o[name] : null) is JsonValue value
            ? value.ToString()
            : null;

    /// <summary>Width and height from a PNG's header (its IHDR chunk), or null when it is not a PNG.</summary>
    private static (int Width, int Height)? PngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(header, 24, throwOnEndOfStream: false) < 24 || !header[..8].SequenceEqual(PngSignature))
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]));
    }
}
