using SshSupportBot.Conversations;
using SshSupportBot.Flows;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Dialogue;

public sealed class ChoiceMatcherTests
{
    private static IReadOnlyList<FlowChoice> Platforms =>
        TrainedBot.Runtime.KnowledgeBase.Flows["permission-denied-publickey"].Find("platform")!.Choices;

    [Theory]
    [InlineData("Linux", "linux")]
    [InlineData("ubuntu です", "linux")]
    [InlineData("Mac です", "macos")]
    [InlineData("I'm using a macbook", "macos")]
    [InlineData("ｍａｃ", "macos")]
    [InlineData("windows 11", "windows")]
    [InlineData("powershell", "windows")]
    [InlineData("Windows の WSL", "wsl")]
    [InlineData("wsl2", "wsl")]
    public void A_typed_platform_names_its_choice(string reply, string value)
    {
        Assert.Equal(value, ChoiceMatcher.ByWords(Platforms, reply)?.Value);
    }

    [Theory]
    [InlineData("I don't know what to do")]
    [InlineData("はい")]
    [InlineData("linux or mac, I have both")]
    public void A_reply_that_names_no_single_choice_matches_none(string reply)
    {
        Assert.Null(ChoiceMatcher.ByWords(Platforms, reply));
    }
}
