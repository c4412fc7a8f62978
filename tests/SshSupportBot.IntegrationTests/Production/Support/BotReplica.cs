using System.Diagnostics;
using System.Net;
using System.Text;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Production.Support;

/// <summary>One real <c>sshbot serve</c> process on a free loopback port, configured through environment variables as a container would be.</summary>
internal sealed class BotReplica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private BotReplica(string name, int port, Process process, StringBuilder log)
    {
        Name = name;
        _process = process;
        _log = log;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }

    public HttpClient Client { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<BotReplica> StartAsync(string name, IReadOnlyDictionary<string, string> environment)
    {
        var port = LoopbackPorts.Free();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sshbot.dll"));
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var log = new StringBuilder();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var replica = new BotReplica(name, port, process, log);
        try
        {
            await replica.WaitForReadyAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
        return replica;

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (log)
                {
                    log.Append('[').Append(name).Append("] ").AppendLine(line);
                }
            }
        }
    }

    /// <summary>Polls <c>/readyz</c> until it answers <paramref name="status"/>.</summary>
    public async Task WaitForReadyAsync(HttpStatusCode status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await Client.GetAsync("readyz");
                last = response.StatusCode;
                if (last == status)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} /readyz did not answer {(int)status} (last: {(int?)last}):\n{Log}");
    }

    /// <summary>SIGTERM, as Kubernetes and docker stop send it; the exit code, or null when it did not exit in time.</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when the process ended (by itself, or killed by its fault injection) within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown hook runs, as when a node dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
