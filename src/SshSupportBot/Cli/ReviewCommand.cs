using SshSupportBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SshSupportBot.Languages;
using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using SshSupportBot.Admin;
using SshSupportBot.Intents;
using SshSupportBot.Storage;

namespace SshSupportBot.Cli;

internal static class ReviewCommand
{
    public static Command Create()
    {
        var list = new Option<bool>("--list") { Description = "Print the queue, grouped by similar text, and exit." };
        var json = new Option<bool>("--json") { Description = "With --list: one JSON array (id, text, language, guessedIntent, confidence, reason, count, time)." };
        var assign = new Option<string[]>("--assign")
        {
            Description = "Add question ID as an example of INTENT (in its language's list) and close it: --assign ID INTENT.",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        var dismiss = new Option<long?>("--dismiss") { Description = "Close question ID without changing intents/." };
        var command = new Command("review", "Review the questions the bot could not answer well: assign them to intents, start new intents, or dismiss them.")
        {
            list, json, assign, dismiss,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = BotComposition.ForCommand(ConsoleProgress.Instance);
            var storage = new ReviewStorage(services.GetRequiredService<BotFiles>().IntentsPath, services.GetRequiredService<IFeedbackStore>());
            var actions = services.GetRequiredService<ReviewActions>();
            var actor = $"cli:{Environment.UserName}";
            if (parse.GetValue(assign) is { Length: 2 } pair)
            {
                if (!long.TryParse(pair[0], out var id))
                {
                    Console.Error.WriteLine($"'{pair[0]}' is not a question id; see 'sshbot review --list'.");
                    return 2;
                }
                return Print(await actions.AssignAsync(id, pair[1], actor, cancellationToken));
            }
            if (parse.GetValue(dismiss) is { } dismissed)
            {
                return Print(await actions.DismissAsync(dismissed, actor, cancellationToken));
            }
            var groups = ReviewGroups.Group(await storage.Store.PendingAsync(cancellationToken));
            if (parse.GetValue(list) || parse.GetValue(json) || Console.IsInputRedirected)
            {
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(groups.Select(g => new
                    {
                        id = g.First.Id,
                        text = g.First.Text,
                        language = g.First.Language.ToString().ToLowerInvariant(),
                        guessedIntent = g.First.GuessedIntent,
                        confidence = Math.Round(g.First.Confidence, 3),
                        reason = g.First.Reason.ToString(),
                        count = g.Count,
                        time = g.First.At,
                        ids = g.Items.Select(i => i.Id),
                    })));
                }
                else
                {
                    AnsiConsole.Write(Table(groups));
                }
                return 0;
            }
            await InteractiveAsync(storage, actions, actor, groups, cancellationToken);
            return 0;
        });
        return command;
    }

    private static int Print(ReviewActions.Outcome outcome)
    {
        (outcome.Ok ? Console.Out : Console.Error).WriteLine(outcome.Message);
        return outcome.Ok ? 0 : 1;
    }

    private static Table Table(IReadOnlyList<ReviewGroup> groups)
    {
        var table = new Table().AddColumns("ID", "×", "Lang", "Reason", "Guess", "Conf.", "Question");
        foreach (var group in groups)
        {
            var item = group.First;
            table.AddRow(item.Id.ToString(), group.Count.ToString(), item.Language.ToString().ToLowerInvariant(), item.Reason.ToString(),
                Markup.Escape(item.GuessedIntent ?? "-"), item.Confidence.ToString("0.00"), Markup.Escape(item.Text));
        }
        return table;
    }

    private static async Task InteractiveAsync(ReviewStorage storage, ReviewActions actions, string actor, IReadOnlyList<ReviewGroup> groups,
        CancellationToken cancellationToken)
    {
        const string Quit = "(quit)";
        while (!cancellationToken.IsCancellationRequested)
        {
            if (groups.Count == 0)
            {
                AnsiConsole.MarkupLine("[green]The review queue is empty.[/]");
                return;
            }
            AnsiConsole.Write(Table(groups));
            var labels = groups.Take(30).ToDictionary(g => $"{g.First.Id}: ×{g.Count} {Shorten(g.First.Text)}", g => g);
            var picked = AnsiConsole.Prompt(new SelectionPrompt<string>().Title("Which question?").PageSize(15)
                .AddChoices(labels.Keys.Select(Markup.Escape).Append(Quit)));
            if (picked == Quit)
            {
                return;
            }
            var group = labels.First(l => Markup.Escape(l.Key) == picked).Value;
            var item = group.First;
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(item.Text)}[/] ({item.Language}, {item.Reason}, guessed {Markup.Escape(item.GuessedIntent ?? "-")} {item.Confidence:0.00}, asked {group.Count}×)");
            foreach (var similar in group.Items.Skip(1).Take(5))
            {
                AnsiConsole.MarkupLine($"  [grey]similar {similar.Id}: {Markup.Escape(similar.Text)}[/]");
            }
            var action = AnsiConsole.Prompt(new SelectionPrompt<string>().Title("Do what?")
                .AddChoices("Assign to an existing intent", "Start a new intent file", "Dismiss", "Skip"));
            ReviewActions.Outcome? outcome = action switch
            {
                "Assign to an existing intent" => await actions.AssignAsync(item.Id, PickIntent(storage, item), actor, cancellationToken),
                "Start a new intent file" => await actions.StartIntentAsync(item.Id, AnsiConsole.Ask<string>("New intent id (e.g. quota-exceeded):"), actor, cancellationToken),
                "Dismiss" => await actions.DismissAsync(item.Id, actor, cancellationToken),
                _ => null,
            };
            if (outcome is not null)
            {
                AnsiConsole.MarkupLine(outcome.Ok ? $"[green]{Markup.Escape(outcome.Message)}[/]" : $"[red]{Markup.Escape(outcome.Message)}[/]");
            }
            groups = outcome is null
                ? groups.Where(g => g != group).ToList()
                : ReviewGroups.Group(await storage.Store.PendingAsync(cancellationToken));
        }
    }

    private static string PickIntent(ReviewStorage storage, ReviewItem item)
    {
        var ids = new KnowledgeBaseLoader().Load(storage.IntentsPath).KnowledgeBase.Intents.Select(i => i.Id).Order(StringComparer.Ordinal).ToList();
        if (item.GuessedIntent is { } guess && ids.Remove(guess))
        {
            ids.Insert(0, guess);
        }
        return AnsiConsole.Prompt(new SelectionPrompt<string>().Title("Which intent?").PageSize(15).EnableSearch().AddChoices(ids));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..57].ReplaceLineEndings(" ") + "…";
}
