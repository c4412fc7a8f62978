using System.Text;

namespace SshSupportBot.Tests.Support;

/// <summary>A throw-away <c>intents/</c> directory with files written by the test.</summary>
internal sealed class IntentsDirectory : IDisposable
{
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sshbot-tests", Guid.NewGuid().ToString("N"));

    public IntentsDirectory()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path => System.IO.Path.Combine(_root, "intents");

    public string DataPath => System.IO.Path.Combine(_root, "data");

    public IntentsDirectory Write(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>A valid intent file with <paramref name="count"/> numbered examples per language.</summary>
    public IntentsDirectory WriteIntent(string id, int count = 15, string extra = "", string examplePrefix = "")
    {
        var text = new StringBuilder();
        text.Append($"version: 1\nid: {id}\ntitle:\n  ja: {id} の題\n  en: {id} title\nexamples:\n  ja:\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"    - {examplePrefix}{id} の例 {i}\n");
        }
        text.Append("  en:\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append($"    - {examplePrefix}{id} example {i}\n");
        }
        text.Append($"answer:\n  ja: {id} の答え\n  en: {id} answer\n");
        text.Append(extra);
        return Write($"{id}.yaml", text.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing test is not worth failing the run over.
        }
    }
}
