using Microsoft.IdentityModel.Tokens;

namespace SshSupportBot.Teams;

/// <summary>A key from the Bot Framework key set with the channels it is endorsed for.</summary>
internal sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlySet<string> Endorsements);
