using System.Text.Json.Serialization;

namespace SshSupportBot.Conversations;

/// <summary>
/// A question the bot asked outside a flow step (a flow step is its own pending question), so that the next turn
/// is first read as its answer: "はい" to an offer starts the checks instead of being classified on its own.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "asked")]
[JsonDerivedType(typeof(FlowOffer), "flow-offer")]
[JsonDerivedType(typeof(ContinueOffer), "continue-offer")]
[JsonDerivedType(typeof(PersonOffer), "person-offer")]
internal abstract record PendingQuestion;

/// <summary>"Shall we go through the checks together?"</summary>
internal sealed record FlowOffer(string FlowId) : PendingQuestion;

/// <summary>"Shall we go back to the checks?" after a question asked in the middle of them.</summary>
internal sealed record ContinueOffer : PendingQuestion;

/// <summary>"Would you like to talk to a person?" after a 👎.</summary>
internal sealed record PersonOffer : PendingQuestion;
