using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FaqBot.Hosting;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace FaqBot.Tests.Deploy;

/// <summary>
/// deploy/kubernetes: every manifest parses, and the pieces fit together and fit the app — ports, probe paths that are
/// real endpoints, environment names that are settings the server really reads, content mounts over real files.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(ContentTestFiles.RepositoryRoot(), "deploy", "kubernetes");

    private static readonly List<(string File, JsonObject Manifest)> Manifests = Load();

    [Fact]
    public void EveryManifestParsesWithKindAndNameAndIsListedInTheKustomizationExceptTheExampleSecrets()
    {
        var kustomization = Manifests.Single(m => Kind(m.Manifest) == "Kustomization").Manifest;
        var listed = kustomization["resources"]!.AsArray().Select(r => (string)r!).ToHashSet();

        foreach (var (file, manifest) in Manifests.Where(m => Kind(m.Manifest) != "Kustomization"))
        {
            Assert.False(string.IsNullOrEmpty((string?)manifest["apiVersion"]), file);
            Assert.False(string.IsNullOrEmpty((string?)manifest["metadata"]?["name"]), file);
            // The secrets' example stays out, so applying the folder never overwrites real secrets with placeholders.
            Assert.Equal(!file.EndsWith(".example.yaml", StringComparison.Ordinal), listed.Contains(file));
        }

        Assert.All(listed, file => Assert.True(File.Exists(Path.Combine(Folder, file)), file));
    }

    [Fact]
    public async Task TheDeploymentProbesServerEndpointsOnTheImagePortAndRunsLockedDown()
    {
        var surface = await ServerSurface.GetAsync();
        var deployment = Single("Deployment", "faqbot");
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]!.AsArray().Single()!;
        var port = container["ports"]!.AsArray().Single()!;

        Assert.True(int.Parse((string)deployment["spec"]!["replicas"]!) >= 2);
        Assert.Equal(DockerfileValue("ENV ASPNETCORE_HTTP_PORTS"), (string?)port["containerPort"]);
        Assert.Equal(HealthEndpoints.LivenessPath, (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal(HealthEndpoints.ReadinessPath, (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Contains((string)get["path"]!, surface.Paths);
            Assert.Contains((string?)get["port"], new[] { (string?)port["name"], (string?)port["containerPort"] });
        }

        Assert.NotNull(container["resources"]!["limits"]!["cpu"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        Assert.Equal("true", (string?)container["securityContext"]!["readOnlyRootFilesystem"]);
        Assert.Equal("false", (string?)container["securityContext"]!["allowPrivilegeEscalation"]);
        Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
        Assert.Equal(DockerfileValue("USER"), (string?)pod["securityContext"]!["runAsUser"]);
        // A read-only root needs somewhere writable for the runtime's temporary files.
        Assert.Contains(container["volumeMounts"]!.AsArray(), mount => (string?)mount!["mountPath"] == "/tmp");
    }

    [Fact]
    public async Task EveryEnvironmentVariableIsASettingTheServerReads()
    {
        var surface = await ServerSurface.GetAsync();
        var container = Single("Deployment", "faqbot")["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;
        var names = container["env"]!.AsArray().Select(e => (string)e!["name"]!).ToList();
        foreach (var source in container["envFrom"]!.AsArray())
        {
            // envFrom turns every key of the ConfigMap or Secret into a variable of that name.
            var (kind, reference) = source!["configMapRef"] is { } map ? ("ConfigMap", map) : ("Secret", source["secretRef"]!);
            var data = Single(kind, (string)reference["name"]!)[kind == "Secret" ? "stringData" : "data"]!.AsObject();
            names.AddRange(data.Select(pair => pair.Key));
        }

        var unknown = surface.UnknownEnvironmentVariables(names);
        Assert.True(unknown.Count == 0, $"not settings the server reads: {string.Join(", ", unknown)}");
        Assert.Contains("DirectLine__TokenSigningKey", names);
        Assert.Contains("ConnectionStrings__Postgres", names);
    }

    [Fact]
    public async Task NoAwaitedSettingIsReadYet()
    {
        var surface = await ServerSurface.GetAsync();

        // Once the server reads one, it is an ordinary setting: take it off ServerSurface.AwaitedSettings.
        Assert.DoesNotContain(ServerSurface.AwaitedSettings, surface.Settings.Contains);
    }

    [Fact]
    public void ServiceIngressAutoscalerAndDisruptionBudgetReachTheDeploymentsPods()
    {
        var deployment = Single("Deployment", "faqbot");
        var labels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        var port = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!;
        var service = Single("Service", "faqbot");
        var servicePort = service["spec"]!["ports"]!.AsArray().Single()!;
        var ingress = Single("Ingress", "faqbot");
        var backend = ingress["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!;
        var autoscaler = Single("HorizontalPodAutoscaler", "faqbot");
        var budget = Single("PodDisruptionBudget", "faqbot");

        Assert.True(Selects(service["spec"]!["selector"]!.AsObject(), labels));
        Assert.Contains((string?)servicePort["targetPort"], new[] { (string?)port["name"], (string?)port["containerPort"] });
        Assert.Equal("faqbot", (string?)backend["name"]);
        Assert.Contains((string?)backend["port"]!["name"] ?? (string?)backend["port"]!["number"], new[] { (string?)servicePort["name"], (string?)servicePort["port"] });
        // WebSockets (the Direct Line stream) stay open while a patient chats: an hour, not the default minute.
        Assert.True(int.Parse((string)ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/proxy-read-timeout"]!) >= 3600);
        Assert.Equal("Deployment", (string?)autoscaler["spec"]!["scaleTargetRef"]!["kind"]);
        Assert.Equal("faqbot", (string?)autoscaler["spec"]!["scaleTargetRef"]!["name"]);
        Assert.True(int.Parse((string)autoscaler["spec"]!["minReplicas"]!) >= 2);
        Assert.True(Selects(budget["spec"]!["selector"]!["matchLabels"]!.AsObject(), labels));
        Assert.True(int.Parse((string)budget["spec"]!["minAvailable"]!) >= 1);
    }

    [Fact]
    public void TheIngressControllersForwardedHeadersAreTrustedFromANetwork()
    {
        var settings = Single("ConfigMap", "faqbot-settings")["data"]!.AsObject();
        var trusted = settings.Where(pair => pair.Key.StartsWith($"{ForwardedHeadersSetup.SectionName}__KnownNetworks__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(trusted);
        Assert.All(trusted, pair => Assert.True(System.Net.IPNetwork.TryParse((string)pair.Value!, out _), (string?)pair.Value));
    }

    [Fact]
    public void ContentMountsOverlayRealContentFilesAndLeaveTheLearnedModelToTheImage()
    {
        var content = ContentTestFiles.ContentDirectory;
        var pod = Single("Deployment", "faqbot")["spec"]!["template"]!["spec"]!;
        var configMapVolumes = pod["volumes"]!.AsArray().Where(v => v!["configMap"] is not null).Select(v => (string)v!["name"]!).ToHashSet();
        var mounts = pod["containers"]![0]!["volumeMounts"]!.AsArray().Where(m => configMapVolumes.Contains((string)m!["name"]!)).ToList();
        var covered = new List<string>();
        foreach (var mount in mounts)
        {
            var relative = Path.GetRelativePath("/app/content", (string)mount!["mountPath"]!);
            var local = Path.Combine(content, relative);
            if (mount["subPath"] is { } subPath)
            {
                Assert.True(File.Exists(local), $"{mount["mountPath"]}: no such content file");
                Assert.Equal(Path.GetFileName(local), (string?)subPath);
                covered.Add(local);
            }
            else
            {
                // A whole folder from a ConfigMap hides the image's folder: only folders without subfolders.
                Assert.True(Directory.Exists(local), $"{mount["mountPath"]}: no such content folder");
                Assert.Empty(Directory.GetDirectories(local));
                covered.AddRange(Directory.GetFiles(local));
            }
        }

        var model = Path.Combine(content, "safety", "model");
        var uncovered = Directory.GetFiles(content, "*", SearchOption.AllDirectories)
            .Where(file => !file.StartsWith(model, StringComparison.Ordinal) && !covered.Contains(file)).ToList();
        Assert.True(uncovered.Count == 0, $"content files no ConfigMap reaches: {string.Join(", ", uncovered)}");
    }

    [Fact]
    public void TheConnectionStringNamesThePostgresServiceAndItsPort()
    {
        var connection = (string)Single("Secret", "faqbot-secrets")["stringData"]!["ConnectionStrings__Postgres"]!;
        var service = Single("Service", "faqbot-postgres");
        var statefulSet = Single("StatefulSet", "faqbot-postgres");
        var parts = connection.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var postgresSecret = Single("Secret", "faqbot-postgres")["stringData"]!;

        Assert.Equal("faqbot-postgres", parts["Host"]);
        Assert.Equal((string?)service["spec"]!["ports"]![0]!["port"], parts["Port"]);
        Assert.Equal((string?)postgresSecret["POSTGRES_DB"], parts["Database"]);
        Assert.Equal((string?)postgresSecret["POSTGRES_USER"], parts["Username"]);
        Assert.Equal("faqbot-postgres", (string?)statefulSet["spec"]!["serviceName"]);
        Assert.True(Selects(service["spec"]!["selector"]!.AsObject(), statefulSet["spec"]!["template"]!["metadata"]!["labels"]!.AsObject()));
    }

    private static bool Selects(JsonObject selector, JsonObject labels) =>
        selector.All(pair => (string?)labels[pair.Key] == (string?)pair.Value);

    private static JsonObject Single(string kind, string name) =>
        Manifests.Single(m => Kind(m.Manifest) == kind && (string?)m.Manifest["metadata"]?["name"] == name).Manifest;

    private static string? Kind(JsonObject manifest) => (string?)manifest["kind"];

    /// <summary>The value of a Dockerfile instruction (<c>USER</c>, or <c>ENV NAME</c>), from deploy/docker/Dockerfile.</summary>
    private static string DockerfileValue(string instruction)
    {
        var dockerfile = File.ReadAllText(Path.Combine(ContentTestFiles.RepositoryRoot(), "deploy", "docker", "Dockerfile"));
        var match = instruction.StartsWith("ENV ", StringComparison.Ordinal)
            ? Regex.Match(dockerfile, $@"\b{instruction["ENV ".Length..]}=(\S+)")
            : Regex.Match(dockerfile, $@"^{instruction} (\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, instruction);
        return match.Groups[1].Value;
    }

    private static List<(string File, JsonObject Manifest)> Load()
    {
        var deserializer = new DeserializerBuilder().Build();
        var manifests = new List<(string, JsonObject)>();
        foreach (var path in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(path);
            var parser = new Parser(reader);
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                if (ToJson(deserializer.Deserialize<object>(parser)) is JsonObject manifest)
                {
                    manifests.Add((Path.GetFileName(path), manifest));
                }
            }
        }

        return manifests;
    }

    /// <summary>YamlDotNet's untyped tree as JSON nodes; scalars stay strings, as YAML wrote them.</summary>
    private static JsonNode? ToJson(object? node) => node switch
    {
        IDictionary<object, object?> map => new JsonObject(map.Select(pair => KeyValuePair.Create((string)pair.Key, ToJson(pair.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        null => null,
        var scalar => JsonValue.Create(scalar.ToString()),
    };
}
