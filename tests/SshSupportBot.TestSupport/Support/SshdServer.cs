using System.Diagnostics;
using System.Text;

namespace SshSupportBot.Tests.Support;

/// <summary>
/// A real OpenSSH server on 127.0.0.1 with host keys made for the test, so the probes are tested against the server
/// users actually meet. Rotating the keys and restarting on the same port plays a man in the middle.
/// </summary>
internal sealed class SshdServer : IAsyncDisposable
{
    private const string Sshd = "/usr/sbin/sshd";
    private const string SshKeygen = "/usr/bin/ssh-keygen";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _directory;
    private readonly IReadOnlyList<string> _keyTypes;
    private Process? _process;
    private readonly StringBuilder _log = new();

    private SshdServer(string directory, int port, IReadOnlyList<string> keyTypes)
    {
        _directory = directory;
        Port = port;
        _keyTypes = keyTypes;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The fingerprints as <c>ssh-keygen -lf</c> prints them, by the type it names (ED25519, ECDSA, RSA).</summary>
    public IReadOnlyDictionary<string, string> Fingerprints { get; private set; } = new Dictionary<string, string>();

    /// <summary>Starts sshd with one fresh host key of each type given: "ed25519", "ecdsa", "rsa".</summary>
    public static async Task<SshdServer> StartAsync(params string[] keyTypes)
    {
        foreach (var tool in new[] { Sshd, SshKeygen })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException(
                    $"{tool} is missing, and the probe tests need a real OpenSSH server. Run the project's test script, which installs it " +
                    "(apt-get update && apt-get install -y openssh-server openssh-client), or install those two Debian packages yourself.");
            }
        }
        // sshd refuses to start without its privilege-separation directory, which the package creates only at boot.
        Directory.CreateDirectory("/run/sshd");
        var server = new SshdServer(Directory.CreateTempSubdirectory("sshbot-sshd-").FullName, LoopbackPorts.Free(), keyTypes.Length > 0 ? keyTypes : ["ed25519", "ecdsa", "rsa"]);
        try
        {
            await server.GenerateKeysAsync();
            await server.LaunchAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Replaces every host key with a new one and restarts on the same port: what a client sees from an impostor.</summary>
    public async Task RotateKeysAsync()
    {
        await StopAsync();
        await GenerateKeysAsync();
        await LaunchAsync();
    }

    /// <summary>Makes a new client key that may log in (as the user running the tests) and returns its private key file.</summary>
    public async Task<string> AuthorizeNewClientKeyAsync()
    {
        var key = Path.Combine(_directory, $"client_{Guid.NewGuid():N}");
        await RunAsync(SshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", "sshbot-test-client", "-f", key]);
        await File.AppendAllTextAsync(Path.Combine(_directory, "authorized_keys"), await File.ReadAllTextAsync(key + ".pub"));
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task GenerateKeysAsync()
    {
        var fingerprints = new Dictionary<string, string>();
        foreach (var type in _keyTypes)
        {
            var key = KeyPath(type);
            File.Delete(key);
            File.Delete(key + ".pub");
            var bits = type switch { "rsa" => "2048", "ecdsa" => "256", _ => null };
            await RunAsync(SshKeygen, ["-q", "-t", type, .. bits is null ? Array.Empty<string>() : ["-b", bits], "-N", "", "-C", "sshbot-test", "-f", key]);
            // "256 SHA256:abc… sshbot-test (ED25519)"
            var line = (await RunAsync(SshKeygen, ["-l", "-E", "sha256", "-f", key + ".pub"])).Trim();
            var parts = line.Split(' ');
            fingerprints[parts[^1].Trim('(', ')')] = parts[1];
        }
        Fingerprints = fingerprints;
    }

    private async Task LaunchAsync()
    {
        var config = Path.Combine(_directory, "sshd_config");
        var lines = new List<string>
        {
            "ListenAddress 127.0.0.1",
            $"Port {Port}",
            $"PidFile {Path.Combine(_directory, "sshd.pid")}",
            "UsePAM no",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "StrictModes no",
            // Only for the server-side check tests: key login for the user running the tests, with keys the test authorizes.
            $"AuthorizedKeysFile {Path.Combine(_directory, "authorized_keys")}",
            "PubkeyAuthentication yes",
            "PermitRootLogin prohibit-password",
            "LogLevel INFO",
        };
        lines.AddRange(_keyTypes.Select(t => $"HostKey {KeyPath(t)}"));
        await File.WriteAllLinesAsync(config, lines);

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(Sshd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(argument);
        }
        var sshd = new Process { StartInfo = start, EnableRaisingEvents = true };
        sshd.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (_log)
            {
                _log.AppendLine(e.Data);
            }
            if (e.Data.Contains("Server listening on", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        sshd.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"sshd exited during start-up:\n{Log}"));
        sshd.Start();
        sshd.BeginErrorReadLine();
        sshd.BeginOutputReadLine();
        _process = sshd;
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"sshd did not report listening within {StartTimeout.TotalSeconds} s:\n{Log}");
        }
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private async Task StopAsync()
    {
        if (_process is not { } sshd)
        {
            return;
        }
        _process = null;
        if (!sshd.HasExited)
        {
            sshd.Kill(entireProcessTree: true);
            await sshd.WaitForExitAsync();
        }
        sshd.Dispose();
    }

    private string KeyPath(string type) => Path.Combine(_directory, $"ssh_host_{type}_key");

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} failed ({child.ExitCode}): {await error}");
        }
        return await output;
    }

}
