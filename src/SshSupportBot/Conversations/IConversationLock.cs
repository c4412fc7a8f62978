using SshSupportBot.Storage;

namespace SshSupportBot.Conversations;

/// <summary>Holds the turns of one conversation to one at a time; across replicas when the lock is shared.</summary>
internal interface IConversationLock
{
    /// <summary>Waits for the conversation's lock; disposing the result releases it.</summary>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
