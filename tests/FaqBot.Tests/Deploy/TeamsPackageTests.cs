using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using FaqBot.Cli;

namespace FaqBot.Tests.Deploy;

/// <summary>
/// deploy/teams: <c>faqbot teams-package</c> builds the zip Teams accepts — the manifest with the bot id filled in and
/// every required field, a 192×192 colour icon and a 32×32 outline icon of white on transparent.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private static readonly string Folder = Path.Combine(ContentTestFiles.RepositoryRoot(), "deploy", "teams");

    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("faqbot-teams-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void ThePackageCarriesTheManifestWithTheBotIdAndBothIcons()
    {
        var botId = Guid.NewGuid().ToString();
        var zipPath = Path.Combine(_temp.FullName, "app.zip");

        var (exit, _, error) = Run("teams-package", Folder, "--bot-id", botId, "--output", zipPath);

        Assert.True(exit == 0, error);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!.AsObject();
        Assert.Equal(botId, (string?)manifest["id"]);
        Assert.Equal(botId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.All(TeamsPackageCommand.RequiredFields, path => Assert.False(string.IsNullOrWhiteSpace(Field(manifest, path)), path));
        // The schema the manifest names is the version it declares; Teams' length limits and colour format.
        Assert.Contains($"/v{manifest["manifestVersion"]}/MicrosoftTeams.schema.json", (string?)manifest["$schema"], StringComparison.Ordinal);
        Assert.InRange(Field(manifest, "name.short")!.Length, 1, 30);
        Assert.InRange(Field(manifest, "description.short")!.Length, 1, 80);
        Assert.InRange(Field(manifest, "description.full")!.Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", Field(manifest, "accentColor"));
        Assert.All(manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray(), command => Assert.InRange(((string)command!["title"]!).Length, 1, 32));

        var (colorWidth, colorHeight, _) = ReadPng(zip.GetEntry((string)manifest["icons"]!["color"]!)!);
        var (outlineWidth, outlineHeight, outline) = ReadPng(zip.GetEntry((string)manifest["icons"]!["outline"]!)!);
        Assert.Equal((192, 192), (colorWidth, colorHeight));
        Assert.Equal((32, 32), (outlineWidth, outlineHeight));
        Assert.All(outline, pixel => Assert.True(pixel.A == 0 || pixel is { R: 255, G: 255, B: 255 }, $"outline pixel {pixel}: white or transparent only"));
        Assert.Contains(outline, pixel => pixel.A == 255);
    }

    [Fact]
    public void AnIconOfTheWrongSizeFailsNamingIt()
    {
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Copy(file, Path.Combine(_temp.FullName, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(Folder, "color.png"), Path.Combine(_temp.FullName, "outline.png"), overwrite: true);

        var (exit, _, error) = Run("teams-package", _temp.FullName, "--bot-id", Guid.NewGuid().ToString(), "--output", Path.Combine(_temp.FullName, "app.zip"));

        Assert.Equal(1, exit);
        Assert.Contains("icons.outline 'outline.png' must be a 32x32 PNG, not 192x192", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.FullName, "app.zip")));
    }

    [Fact]
    public void ABotIdThatIsNotAGuidFails() =>
        Assert.Equal(1, Run("teams-package", Folder, "--bot-id", "faqbot", "--output", Path.Combine(_temp.FullName, "app.zip")).Exit);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        return (CliApp.Run(args, TextReader.Null, output, error), output.ToString(), error.ToString());
    }

    private static string? Field(JsonObject manifest, string path) =>
        path.Split('.').Aggregate((JsonNode?)manifest, (node, name) => node?[name]) is JsonValue value ? value.ToString() : null;

    /// <summary>An 8-bit RGBA PNG's size and pixels; rows must be unfiltered (filter 0), as make-icons.py writes them.</summary>
    private static (int Width, int Height, List<(byte R, byte G, byte B, byte A)> Pixels) ReadPng(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        entry.Open().CopyTo(stream);
        var bytes = stream.ToArray();
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Equal((8, 6), (bytes[24], bytes[25]));
        using var data = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            if (System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4) == "IDAT")
            {
                data.Write(bytes, offset + 8, length);
            }

            offset += 12 + length;
        }

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var pixels = new List<(byte, byte, byte, byte)>();
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 4));
            Assert.Equal(0, raw[row]);
            for (var x = 0; x < width; x++)
            {
                var p = row + 1 + (x * 4);
                pixels.Add((raw[p], raw[p + 1], raw[p + 2], raw[p + 3]));
            }
        }

        return (width, height, pixels);
    }
}
