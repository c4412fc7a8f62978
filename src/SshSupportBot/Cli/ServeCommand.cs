using System.CommandLine;
using SshSupportBot.Hosting;

namespace SshSupportBot.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5080 (also ASPNETCORE_URLS or Urls in configuration)." };
        var command = new Command("serve", "Run the bot server: the configured chat channels plus /healthz and /readyz.") { urls };
        // ASP.NET Core reads its own command-line switches (--urls, --Section:Key=value), so unknown tokens pass through.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var arguments = parse.UnmatchedTokens.ToList();
            if (parse.GetValue(urls) is { } given)
            {
                arguments.AddRange(["--urls", given]);
            }
            return await BotServer.RunAsync(arguments.ToArray(), ConsoleProgress.Instance, cancellationToken);
        });
        return command;
    }
}
