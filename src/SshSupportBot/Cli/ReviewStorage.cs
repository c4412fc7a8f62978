using SshSupportBot.Storage;

namespace SshSupportBot.Cli;

/// <summary>What the review screens read: the questions waiting in the feedback store and the intents they can go to.</summary>
internal sealed record ReviewStorage(string IntentsPath, IFeedbackStore Store);
