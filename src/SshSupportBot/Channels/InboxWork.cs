namespace SshSupportBot.Channels;

/// <summary>
/// One accepted piece of work, channel-neutral: the channel gives where its answer goes (<see cref="Address"/>, the same
/// string the outbox stores) and its own <see cref="IOutboxChannel"/> to send there.
/// </summary>
/// <param name="Conversation">Work with the same key runs one item at a time, in the order accepted.</param>
internal abstract record InboxWork(string Conversation, string Address, IOutboxChannel Channel);
