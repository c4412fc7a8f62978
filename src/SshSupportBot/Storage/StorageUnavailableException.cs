namespace SshSupportBot.Storage;

/// <summary>The shared store cannot be reached; the turn is answered without conversation state instead of dropped.</summary>
internal sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
