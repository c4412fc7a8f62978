using SshSupportBot.Common;
using SshSupportBot.Hosting;
using SshSupportBot.Tests.Production.Support;
using SshSupportBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace SshSupportBot.Tests.Production;

/// <summary>No Docker engine or cluster here: the deployment files are parsed and checked against the app's real keys, ports and endpoints.</summary>
public sealed class DeploymentFilesTests
{
    private static readonly string Infra = Path.Combine(RepositoryPaths.Root, "infra");
    private static readonly string K8s = Path.Combine(Infra, "k8s");

    private static IReadOnlyList<YamlMappingNode> Manifests() =>
        Directory.GetFiles(K8s, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").SelectMany(Yaml.Documents).ToList();

    private static YamlMappingNode Manifest(string kind, string name) =>
        Manifests().Single(m => m.Scalar("kind") == kind && m.Scalar("metadata", "name") == name);

    private static IReadOnlyList<DockerInstruction> RuntimeStage()
    {
        var all = DockerfileReader.Read(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
        var lastFrom = all.Select((i, index) => (i, index)).Last(p => p.i.Keyword == "FROM").index;
        return all.Skip(lastFrom).ToList();
    }

    [Fact]
    public void The_Dockerfile_builds_with_the_sdk_trains_the_model_and_runs_on_the_aspnet_image_as_a_non_root_user()
    {
        var all = DockerfileReader.Read(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
        var froms = all.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();
        Assert.Equal(2, froms.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", froms[1]);
        Assert.Contains(all, i => i.Keyword == "COPY" && i.Arguments.StartsWith("intents/", StringComparison.Ordinal));
        Assert.Contains(all, i => i.Keyword == "RUN" && i.Arguments.Contains("sshbot.dll train", StringComparison.Ordinal));

        var runtime = RuntimeStage();
        var user = Assert.Single(runtime, i => i.Keyword == "USER").Arguments;
        Assert.NotEqual("0", user);
        Assert.NotEqual("root", user);
        Assert.Equal("[\"dotnet\", \"/app/sshbot.dll\"]", Assert.Single(runtime, i => i.Keyword == "ENTRYPOINT").Arguments);
        Assert.Equal("[\"serve\"]", Assert.Single(runtime, i => i.Keyword == "CMD").Arguments);
    }

    [Fact]
    public void The_image_listens_health_checks_and_points_the_app_at_the_port_and_folders_it_declares()
    {
        var runtime = RuntimeStage();
        var env = DockerfileReader.Environment(runtime);
        Assert.All(env.Keys, key => Assert.True(ConfigurationKeys.IsKnown(key), $"Dockerfile ENV {key} is not a setting the app reads"));
        var port = ConfigurationKeys.Port(env["ASPNETCORE_URLS"]);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(runtime, i => i.Keyword == "EXPOSE").Arguments);
        Assert.Equal("/app/intents", env["Bot__IntentsPath"]);
        Assert.Contains("/app/data", Assert.Single(runtime, i => i.Keyword == "VOLUME").Arguments);

        var check = Assert.Single(runtime, i => i.Keyword == "HEALTHCHECK").Arguments;
        Assert.Contains($"\"health\", \"--url\", \"http://127.0.0.1:{port}{OperationsEndpoints.Health}\"", check);
    }

    [Fact]
    public void Compose_runs_the_bot_beside_redis_with_settings_the_app_reads()
    {
        var compose = Assert.Single(Yaml.Documents(Path.Combine(Infra, "compose.yaml")));
        var bot = compose.At("services", "bot")!;
        Assert.NotNull(compose.At("services", "redis"));
        var env = bot.Pairs("environment");
        Assert.All(env.Keys, key => Assert.True(ConfigurationKeys.IsKnown(key), $"compose environment {key} is not a setting the app reads"));
        Assert.Equal("redis:6379", env["Storage__Redis"]);
        var port = ConfigurationKeys.Port(env["ASPNETCORE_URLS"]);
        Assert.Contains(bot.Items("ports"), p => ((YamlScalarNode)p).Value!.EndsWith($":{port}", StringComparison.Ordinal));
        Assert.Contains(bot.Items("volumes"), v => ((YamlScalarNode)v).Value!.StartsWith($"../intents:{env["Bot__IntentsPath"]}", StringComparison.Ordinal));
        Assert.Equal("..", bot.Scalar("build", "context"));
        Assert.True(File.Exists(Path.Combine(Infra, bot.Scalar("build", "context")!, bot.Scalar("build", "dockerfile")!)));
        Assert.Equal("service_healthy", bot.Scalar("depends_on", "redis", "condition"));
    }

    /// <summary>The redis-server arguments: AOF on, fsync on every write, nothing that turns it off again.</summary>
    private static void AssertPersistent(IReadOnlyList<string> arguments, string where)
    {
        Assert.Equal("redis-server", arguments[0]);
        string? Option(string name) => arguments.Select((a, i) => (a, i)).LastOrDefault(p => p.a == name) is { a: not null } found && found.i + 1 < arguments.Count
            ? arguments[found.i + 1]
            : null;
        Assert.True(Option("--appendonly") == "yes", $"{where}: Redis must keep an append-only file");
        Assert.True(Option("--appendfsync") == "always", $"{where}: every acknowledged claim and recorded reply must reach the disk");
    }

    [Fact]
    public void Compose_runs_redis_with_an_append_only_file_on_a_named_volume()
    {
        var compose = Assert.Single(Yaml.Documents(Path.Combine(Infra, "compose.yaml")));
        var redis = compose.At("services", "redis")!;
        var arguments = redis.Items("command").Select(a => ((YamlScalarNode)a).Value!).ToList();

        AssertPersistent(arguments, "compose");
        var volume = Assert.Single(redis.Items("volumes"), v => ((YamlScalarNode)v).Value!.EndsWith(":/data", StringComparison.Ordinal));
        var name = ((YamlScalarNode)volume).Value!.Split(':')[0];
        Assert.NotNull(compose.At("volumes", name));
    }

    [Fact]
    public void Kubernetes_runs_redis_with_an_append_only_file_on_a_persistent_volume_claim()
    {
        var deployment = Manifest("Deployment", "sshbot-redis");
        var pod = deployment.At("spec", "template", "spec")!;
        var container = Assert.Single(pod.Items("containers"));
        var arguments = container.Items("args").Select(a => ((YamlScalarNode)a).Value!).ToList();

        AssertPersistent(arguments, "k8s");
        var dataDirectory = arguments[arguments.IndexOf("--dir") + 1];
        var mount = Assert.Single(container.Items("volumeMounts"), m => m.Scalar("mountPath") == dataDirectory);
        var volume = Assert.Single(pod.Items("volumes"), v => v.Scalar("name") == mount.Scalar("name"));
        var claim = Manifest("PersistentVolumeClaim", volume.Scalar("persistentVolumeClaim", "claimName")!);
        Assert.NotNull(claim.Scalar("spec", "resources", "requests", "storage"));
        // One ReadWriteOnce volume: a rolling update would start the new pod while the old one still holds it.
        Assert.Equal("Recreate", deployment.Scalar("spec", "strategy", "type"));
    }

    [Fact]
    public void The_deployment_runs_three_replicas_with_probes_on_the_apps_endpoints_and_resource_requests()
    {
        var deployment = Manifest("Deployment", "sshbot");
        Assert.Equal("3", deployment.Scalar("spec", "replicas"));
        var container = Assert.Single(deployment.Items("spec", "template", "spec", "containers"));
        Assert.Equal(OperationsEndpoints.Ready, container.Scalar("readinessProbe", "httpGet", "path"));
        Assert.Equal(OperationsEndpoints.Health, container.Scalar("livenessProbe", "httpGet", "path"));
        Assert.NotNull(container.Scalar("resources", "requests", "cpu"));
        Assert.NotNull(container.Scalar("resources", "requests", "memory"));
        Assert.True(int.Parse(deployment.Scalar("spec", "template", "spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture)
            > ShutdownGrace.Timeout.TotalSeconds, "Kubernetes must wait longer than the bot's own shutdown bound");

        var portName = container.Scalar("readinessProbe", "httpGet", "port");
        var port = Assert.Single(container.Items("ports"), p => p.Scalar("name") == portName).Scalar("containerPort");
        var config = Manifest("ConfigMap", "sshbot-config").Pairs("data");
        Assert.Equal(port, ConfigurationKeys.Port(config["ASPNETCORE_URLS"]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(portName, Manifest("Service", "sshbot").Items("spec", "ports")[0].Scalar("targetPort"));
    }

    [Fact]
    public void Configuration_and_tokens_come_from_a_config_map_and_a_secret_whose_keys_the_app_reads()
    {
        var container = Assert.Single(Manifest("Deployment", "sshbot").Items("spec", "template", "spec", "containers"));
        var sources = container.Items("envFrom");
        var configName = sources.Select(s => s.Scalar("configMapRef", "name")).Single(n => n is not null);
        var secretName = sources.Select(s => s.Scalar("secretRef", "name")).Single(n => n is not null);
        var config = Manifest("ConfigMap", configName!).Pairs("data");
        var secret = Manifest("Secret", secretName!).Pairs("stringData");

        Assert.All(config.Keys.Concat(secret.Keys), key => Assert.True(ConfigurationKeys.IsKnown(key), $"{key} is not a setting the app reads"));
        Assert.Contains("Slack__BotToken", secret.Keys);
        Assert.DoesNotContain(config.Keys, k => k.Contains("Token", StringComparison.Ordinal) || k.Contains("Secret", StringComparison.Ordinal) || k.Contains("Password", StringComparison.Ordinal));
        var redis = config["Storage__Redis"].Split(':');
        var redisService = Manifest("Service", redis[0]);
        Assert.Equal(redis[1], redisService.Items("spec", "ports")[0].Scalar("port"));
    }

    [Fact]
    public void Intents_are_mounted_from_the_config_map_the_update_script_creates_where_the_app_reads_them()
    {
        var pod = Manifest("Deployment", "sshbot").At("spec", "template", "spec")!;
        var container = Assert.Single(pod.Items("containers"));
        var config = Manifest("ConfigMap", "sshbot-config").Pairs("data");
        var mount = Assert.Single(container.Items("volumeMounts"), m => m.Scalar("mountPath") == config["Bot__IntentsPath"]);
        var volume = Assert.Single(pod.Items("volumes"), v => v.Scalar("name") == mount.Scalar("name"));
        var configMap = volume.Scalar("configMap", "name");
        Assert.Contains($"kubectl create configmap {configMap} ", File.ReadAllText(Path.Combine(K8s, "intents-configmap.sh")));
        Assert.Single(container.Items("volumeMounts"), m => m.Scalar("mountPath") == config["Bot__DataDirectory"]);
    }

    [Fact]
    public void The_autoscaler_scales_the_deployment_and_kustomization_lists_every_manifest()
    {
        var hpa = Manifest("HorizontalPodAutoscaler", "sshbot");
        Assert.Equal("Deployment", hpa.Scalar("spec", "scaleTargetRef", "kind"));
        Assert.Equal("sshbot", hpa.Scalar("spec", "scaleTargetRef", "name"));
        Assert.True(int.Parse(hpa.Scalar("spec", "minReplicas")!, System.Globalization.CultureInfo.InvariantCulture) >= 3);

        var listed = Yaml.Documents(Path.Combine(K8s, "kustomization.yaml"))[0].Items("resources").Select(r => ((YamlScalarNode)r).Value).ToHashSet();
        var files = Directory.GetFiles(K8s, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");
        Assert.All(files, f => Assert.Contains(f, listed));
    }
}
