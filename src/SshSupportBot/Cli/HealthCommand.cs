using System.CommandLine;

namespace SshSupportBot.Cli;

/// <summary>
/// <c>sshbot health --url …</c>: exit 0 when the URL answers 2xx. The container's HEALTHCHECK uses it because the
/// ASP.NET runtime image has neither curl nor wget.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The endpoint to ask, e.g. http://127.0.0.1:8080/healthz.", DefaultValueFactory = _ => "http://127.0.0.1:8080/healthz" };
        var timeout = new Option<int>("--timeout-seconds") { Description = "Give up after this many seconds.", DefaultValueFactory = _ => 3 };
        var command = new Command("health", "Ask a running bot's health endpoint; exit 0 when it answers 2xx.") { url, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target))
            {
                Console.Error.WriteLine("--url must be an absolute http URL, e.g. http://127.0.0.1:8080/healthz");
                return 2;
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))) };
            try
            {
                using var response = await http.GetAsync(target, cancellationToken);
                Console.WriteLine((int)response.StatusCode);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine(e.GetType().Name);
                return 1;
            }
        });
        return command;
    }
}
