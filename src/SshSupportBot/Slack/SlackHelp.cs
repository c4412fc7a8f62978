using SshSupportBot.Dialogue;
namespace SshSupportBot.Slack;

/// <summary>
/// The bot's fixed words in Slack, said before the user's language is known, so in both (the phrase data's
/// <c>slash-command-usage</c>, <c>working</c> and <c>turn-failed</c>).
/// </summary>
internal static class SlackHelp
{
    public static SlackMessage Usage(BotPhrases phrases) => Text(phrases.InBothLanguages("slash-command-usage", "\n"));

    public static SlackMessage Working(BotPhrases phrases) => Text(phrases.InBothLanguages("working", " / "));

    public static SlackMessage Apology(BotPhrases phrases) => Text(phrases.InBothLanguages("turn-failed", " / "));

    private static SlackMessage Text(string mrkdwn) => new(mrkdwn, [new SectionBlock(TextObject.Mrkdwn(mrkdwn))]);
}
