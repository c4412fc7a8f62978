using SshSupportBot.Conversations;

namespace SshSupportBot.Tests.Support;

/// <summary>Button values as the bot writes them into Slack and Teams messages.</summary>
internal static class Buttons
{
    public static string KeyRegister { get; } = Encode(new AskAboutIntent("key-register"));

    public static string Encode(TurnAction action) => TurnActionCodec.Encode(action);
}
