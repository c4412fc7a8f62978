namespace SshSupportBot.Nlu;

internal sealed record IntentScore(string Intent, float Confidence);
