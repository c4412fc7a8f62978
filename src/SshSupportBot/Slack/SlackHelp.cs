namespace SshSupportBot.Slack;

/// <summary>The bot's own fixed words in Slack (both languages, as the users write either).</summary>
internal static class SlackHelp
{
    public static readonly SlackMessage Usage = Text(
        "*/ssh-help* — NIG スパコンへの SSH 接続の質問にお答えします。例: `/ssh-help Permission denied (publickey) と出ます`\n" +
        "Ask about SSH access to the NIG supercomputer, e.g. `/ssh-help Permission denied (publickey)`. " +
        "You can also mention the bot in a channel or send it a direct message.");

    public static readonly SlackMessage Working = Text("確認しています… / Looking into it…");

    public static readonly SlackMessage Apology = Text(
        "すみません、回答中にエラーが発生しました。もう一度お試しください。 / Sorry, something went wrong while answering. Please try again.");

    private static SlackMessage Text(string mrkdwn) => new(mrkdwn, [new SectionBlock(TextObject.Mrkdwn(mrkdwn))]);
}
