using SshSupportBot.Dialogue;
using System.Text.Json.Serialization;
using SshSupportBot.Flows;

namespace SshSupportBot.Conversations;

/// <summary>
/// What a button (or a numbered choice typed in the terminal) asks the bot to do. Channels carry it opaquely
/// (<see cref="TurnActionCodec"/>) and hand it back with the turn, so no layer ever parses text prefixes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "do")]
[JsonDerivedType(typeof(AskAboutIntent), "intent")]
[JsonDerivedType(typeof(StartFlow), "flow")]
[JsonDerivedType(typeof(ChooseOption), "choose")]
[JsonDerivedType(typeof(ControlFlow), "control")]
[JsonDerivedType(typeof(GiveFeedback), "feedback")]
[JsonDerivedType(typeof(RequestPerson), "person")]
[JsonDerivedType(typeof(ShowDetails), "details")]
[JsonDerivedType(typeof(ContinueFlow), "continue")]
[JsonDerivedType(typeof(DeclineOffer), "decline")]
internal abstract record TurnAction;

/// <summary>A "did you mean" topic: answer that intent.</summary>
internal sealed record AskAboutIntent(string IntentId) : TurnAction;

/// <summary>Start the guided checks of a flow.</summary>
internal sealed record StartFlow(string FlowId) : TurnAction;

/// <summary>One of the current flow step's choices, by its stable value.</summary>
internal sealed record ChooseOption(string Value) : TurnAction;

/// <summary>Skip, back, cancel or start over in the current flow.</summary>
internal sealed record ControlFlow(FlowCommand Command) : TurnAction;

/// <summary>👍 / 👎 on the answer with this id.</summary>
internal sealed record GiveFeedback(string AnswerId, bool Helpful) : TurnAction;

/// <summary>The user wants a person.</summary>
internal sealed record RequestPerson : TurnAction;

/// <summary>The rest of an intent's answer ("More" / 「詳しく」).</summary>
internal sealed record ShowDetails(string IntentId) : TurnAction;

/// <summary>Go back to the checks after a question asked in the middle of them.</summary>
internal sealed record ContinueFlow : TurnAction;

/// <summary>"No thanks" to what the bot just offered.</summary>
internal sealed record DeclineOffer : TurnAction;
