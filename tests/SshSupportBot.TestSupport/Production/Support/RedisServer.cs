using System.Diagnostics;
using System.Net.Sockets;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Production.Support;

/// <summary>
/// A real <c>redis-server</c> on 127.0.0.1, which a test can kill and start again on the same port: without persistence,
/// or with the append-only file fsynced on every write as the deployment files ship it.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    private readonly string? _directory;
    private Process? _process;

    private RedisServer(int port, bool appendOnly)
    {
        Port = port;
        _directory = appendOnly ? Directory.CreateTempSubdirectory("sshbot-redis-aof-").FullName : null;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static bool IsInstalled => File.Exists("/usr/bin/redis-server") || File.Exists("/usr/local/bin/redis-server");

    public static async Task<RedisServer> StartAsync(bool appendOnly = false)
    {
        var server = new RedisServer(LoopbackPorts.Free(), appendOnly);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] persistence = _directory is null ? ["--appendonly", "no"] : ["--appendonly", "yes", "--appendfsync", "always", "--dir", _directory];
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "" }.Concat(persistence))
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
