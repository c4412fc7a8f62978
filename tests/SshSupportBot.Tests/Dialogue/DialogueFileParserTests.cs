using SshSupportBot.Languages;
using SshSupportBot.Authoring;
using SshSupportBot.Dialogue;
using SshSupportBot.Intents;

namespace SshSupportBot.Tests.Dialogue;

public sealed class DialogueFileParserTests
{
    private const string Answers = "version: 1\nkinds:\n  yes:\n    ja: [はい]\n    en: [yes]\n";

    [Fact]
    public void A_phrase_whose_placeholders_differ_between_languages_is_an_error_naming_file_line_and_phrase()
    {
        var issues = new List<ValidationIssue>();

        new DialogueFileParser().Parse(Answers, "version: 1\nphrases:\n  greet:\n    ja: \"{contact}へ\"\n    en: \"to {contakt}\"\n", "dialogue", issues, DialogueData.Shipped);

        var error = Assert.Single(issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal("dialogue/phrases.yaml:4: error: phrase 'greet': the placeholders differ between the languages (ja: {contact}; en: {contakt}). Use the same {names} in both.", error.ToString());
    }

    [Fact]
    public void An_unknown_answer_kind_and_a_kind_in_one_language_only_are_errors()
    {
        var issues = new List<ValidationIssue>();

        new DialogueFileParser().Parse("version: 1\nkinds:\n  maybe:\n    ja: [たぶん]\n    en: [maybe]\n  no:\n    en: [no]\n", null, "dialogue", issues, DialogueData.Shipped);

        Assert.Contains(issues, i => i.ToString().StartsWith("dialogue/answers.yaml:3: error: kind 'maybe': there is no such kind.", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.ToString() == "dialogue/answers.yaml:7: error: kind 'no': give examples in both languages: 'ja: [...]' and 'en: [...]'.");
    }

    [Fact]
    public void A_command_word_an_admin_adds_steers_the_checks_and_a_typed_command_with_a_full_stop_still_counts()
    {
        var issues = new List<ValidationIssue>();
        const string withCommands = Answers + "commands:\n  skip:\n    ja: [パス]\n    en: [pass]\n";

        var data = new DialogueFileParser().Parse(withCommands, null, "dialogue", issues, DialogueData.Shipped);

        Assert.DoesNotContain(issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(FlowCommand.Skip, data.Commands.Parse("pass"));
        Assert.Equal(FlowCommand.Skip, data.Commands.Parse("パス。"));
        Assert.Equal(FlowCommand.None, data.Commands.Parse("pass me the command for the key check"));
    }

    [Fact]
    public void An_unknown_command_is_an_error_and_a_file_without_commands_keeps_the_shipped_words()
    {
        var issues = new List<ValidationIssue>();

        var broken = new DialogueFileParser().Parse(Answers + "commands:\n  undo:\n    ja: [取り消し]\n    en: [undo]\n", null, "dialogue", issues, DialogueData.Shipped);
        var without = new DialogueFileParser().Parse(Answers, null, "dialogue", [], DialogueData.Shipped);

        Assert.Contains(issues, i => i.ToString().StartsWith("dialogue/answers.yaml:7: error: command 'undo': there is no such command. The commands are: skip, back, cancel, start-over.", StringComparison.Ordinal));
        Assert.Equal(FlowCommand.Cancel, broken.Commands.Parse("やめる"));
        Assert.Equal(FlowCommand.StartOver, without.Commands.Parse("start over"));
        Assert.Equal(FlowCommand.Back, DialogueData.Shipped.Commands.Parse("戻る"));
    }

    [Fact]
    public void A_phrase_missing_from_the_admins_file_falls_back_to_the_shipped_one()
    {
        var issues = new List<ValidationIssue>();

        var data = new DialogueFileParser().Parse(Answers, "version: 1\nphrases:\n  decline:\n    ja: ごめんなさい\n    en: Sorry!\n", "dialogue", issues, DialogueData.Shipped);

        Assert.Equal("Sorry!", data.Phrases.Get("decline", Language.En));
        Assert.Equal(DialogueData.Shipped.Phrases.Get("offer-declined", Language.Ja), data.Phrases.Get("offer-declined", Language.Ja));
    }

    [Fact]
    public void The_shipped_files_are_valid()
    {
        var issues = new List<ValidationIssue>();

        new DialogueFileParser().Load(Support.RepositoryPaths.Intents, issues);

        Assert.Empty(issues);
    }
}
