using SshSupportBot.Dialogue;
using SshSupportBot.Conversations;
using SshSupportBot.Flows;

namespace SshSupportBot.Tests.Conversations;

public sealed class TurnActionCodecTests
{
    private static readonly TurnAction[] Actions =
    [
        new AskAboutIntent("key-registration"), new StartFlow("permission-denied-publickey"), new ChooseOption("linux"),
        new ControlFlow(FlowCommand.Skip), new GiveFeedback("a1b2c3", false), new RequestPerson(), new ShowDetails("file-permissions"),
        new ContinueFlow(), new DeclineOffer(),
    ];

    public static TheoryData<int> EveryAction() => [.. Enumerable.Range(0, Actions.Length)];

    [Theory]
    [MemberData(nameof(EveryAction))]
    public void Every_action_survives_the_trip_through_a_button(int index)
    {
        var action = Actions[index];
        var value = TurnActionCodec.Encode(action);

        Assert.True(value.Length < 200, value);
        Assert.Equal(action, TurnActionCodec.Decode(value));
    }

    [Theory]
    [InlineData("intent:key-registration")]
    [InlineData("flow:start:permission-denied-publickey")]
    [InlineData("{\"do\":\"nuke\"}")]
    [InlineData("{\"do\":\"intent\"}")]
    [InlineData("{\"do\":\"control\",\"command\":\"None\"}")]
    [InlineData("{\"do\":\"control\",\"command\":\"42\"}")]
    [InlineData("{\"do\":\"feedback\",\"answerId\":null,\"helpful\":true}")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("")]
    public void A_value_the_bot_did_not_write_is_no_action(string value)
    {
        Assert.Null(TurnActionCodec.Decode(value));
    }

    [Fact]
    public void An_oversized_value_is_not_even_parsed()
    {
        Assert.Null(TurnActionCodec.Decode("{\"do\":\"choose\",\"value\":\"" + new string('a', 5000) + "\"}"));
    }
}
