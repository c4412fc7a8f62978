using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using System.CommandLine;
using Spectre.Console;
using SshSupportBot.Hosting;
using SshSupportBot.Intents;

namespace SshSupportBot.Cli;

internal static class IntentsCommand
{
    public static Command Create()
    {
        var command = new Command("intents", "Check and list the knowledge base in intents/.");
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Validate()
    {
        var strict = new Option<bool>("--strict") { Description = "Fail (exit 1) on any error, as CI does; otherwise broken files are skipped with a warning." };
        var path = new Option<string?>("--path") { Description = "The intents directory (default: found from the working directory, or Bot:IntentsPath)." };
        var command = new Command("validate", "Check every intent and flow file and explain what to fix.") { strict, path };
        command.SetAction(parse =>
        {
            var directory = BotPaths.ResolveIntents(parse.GetValue(path) ?? BotConfiguration.Build().Bot().IntentsPath);
            var result = new KnowledgeBaseLoader().Load(directory);
            foreach (var issue in result.Issues)
            {
                Console.WriteLine(issue.ToString());
            }
            var errors = result.Issues.Count(i => i.Severity == IssueSeverity.Error);
            var warnings = result.Issues.Count - errors;
            Console.WriteLine($"{result.KnowledgeBase.Intents.Count} intents and {result.KnowledgeBase.Flows.Count} flows loaded from {directory}; {errors} errors, {warnings} warnings.");
            return errors > 0 && parse.GetValue(strict) ? 1 : 0;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the intents with their example counts.");
        command.SetAction(_ =>
        {
            var directory = BotPaths.ResolveIntents(BotConfiguration.Build().Bot().IntentsPath);
            var result = new KnowledgeBaseLoader().Load(directory);
            var table = new Table().AddColumns("id", "title", "ja", "en", "patterns", "flow");
            foreach (var intent in result.KnowledgeBase.Intents)
            {
                table.AddRow(
                    Markup.Escape(intent.Id),
                    Markup.Escape(intent.Title.En),
                    intent.ExamplesIn(Language.Ja).Count().ToString(),
                    intent.ExamplesIn(Language.En).Count().ToString(),
                    intent.Patterns.Count.ToString(),
                    Markup.Escape(intent.Flow?.Id ?? ""));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
