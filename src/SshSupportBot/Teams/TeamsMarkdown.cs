using SshSupportBot.Formatting;

namespace SshSupportBot.Teams;

/// <summary>
/// The reply Markdown as Teams shows it. Teams renders Markdown mixed with a subset of HTML (<c>&lt;at&gt;</c> mentions,
/// links), so user text quoted with <see cref="MarkdownLiteral"/> is written as HTML character references: they display
/// as the character but never start a tag, a mention or a Markdown link. The colon of a pasted <c>scheme://</c> gets a
/// zero-width space after it, so the client does not turn the URL into a link either.
/// </summary>
internal static class TeamsMarkdown
{
    public static string Render(string markdown) => MarkdownLiteral.RenderEscapes(markdown, Literal);

    /// <summary>One user character as inert Teams text.</summary>
    public static string Literal(char c) => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        ':' => ":\u200B",
        _ => $"&#{(int)c};",
    };

    /// <summary>Text a user wrote, for a Teams Markdown message as is (no reply Markdown around it).</summary>
    public static string Text(string userText) => Render(MarkdownLiteral.Quote(userText));
}
