namespace SshSupportBot.Nlu;

/// <summary>One training or evaluation utterance; the text is raw, the classifier normalises it.</summary>
internal sealed record LabeledText(string Text, string Label);
