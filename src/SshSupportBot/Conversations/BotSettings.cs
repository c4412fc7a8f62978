using SshSupportBot.Languages;

namespace SshSupportBot.Conversations;

/// <summary>The <c>Bot</c> configuration section.</summary>
internal sealed record BotSettings
{
    /// <summary>Where the knowledge base lives; found by walking up from the working directory when unset.</summary>
    public string? IntentsPath { get; init; }

    /// <summary>Where the model and conversation state are kept; <c>.sshbot</c> beside <c>intents/</c> when unset.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>How users reach the human administrators, appended when the bot cannot help.</summary>
    public string AdminContactJa { get; init; } = "スパコンのヘルプデスク（連絡先はセンターのウェブサイトに載っています）";

    public string AdminContactEn { get; init; } = "the supercomputer helpdesk (the contact details are on the centre's website)";

    public string AdminContact(Languages.Language language) => new Languages.BilingualText(AdminContactJa, AdminContactEn).For(language);

    /// <summary>How long one turn may take before it is abandoned with an apology (gateway probes alone may take 5 s).</summary>
    public TimeSpan TurnBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An abandoned turn still computing after this long makes <c>/readyz</c> fail, so the platform restarts the replica.</summary>
    public TimeSpan StuckTurnLimit { get; init; } = TimeSpan.FromSeconds(30);
}
