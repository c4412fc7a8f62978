using SshSupportBot.Languages;
using System.Diagnostics;
using System.Text;
using SshSupportBot.Diagnostics;
using SshSupportBot.Nlu;
using SshSupportBot.Tests.Support;
using Xunit.Abstractions;

namespace SshSupportBot.Tests.Diagnostics;

/// <summary>
/// Issue 11: one message must never stop the bot. Seeded generated and mutated inputs (key markers and real keys, recorded
/// ssh output, huge lines, astral characters at every cut point including the classifier's window, numbers past int,
/// mixed line endings) go through every scanner over user text. No exception, no hang; the slowest input is reported.
/// </summary>
public sealed class UserTextFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261127;
    private const int Inputs = 100_000;

    /// <summary>Only to catch a hang: real inputs take milliseconds. Timing is measured in bench/, not asserted here.</summary>
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(20);

    /// <summary>Every this many inputs, the statistical model scores the text too (it is the slow part, and not a scanner).</summary>
    private const int ModelEvery = 100;

    [Fact]
    public async Task A_hundred_thousand_hostile_inputs_end_without_an_exception_or_a_hang()
    {
        var runtime = TrainedBot.Runtime;
        var diagnostician = new Diagnostician(Analyzers.All());
        var generator = new Generator(new Random(Seed));
        var current = new Progress(-1, "", 0L);
        var slowest = (Index: -1, Text: "", Elapsed: TimeSpan.Zero);
        var totalCharacters = 0L;
        Exception? failure = null;

        var worker = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < Inputs; i++)
                {
                    var text = generator.Next(i);
                    var started = Stopwatch.GetTimestamp();
                    Volatile.Write(ref current, new Progress(i, text, started));
                    Exercise(text, i % ModelEvery == 0, diagnostician, runtime);
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    totalCharacters += text.Length;
                    if (elapsed > slowest.Elapsed)
                    {
                        slowest = (i, text, elapsed);
                    }
                }
            }
            catch (Exception e)
            {
                failure = new InvalidOperationException($"input {current.Index} ({Describe(current.Text)}) threw", e);
            }
        }) { IsBackground = true, Name = "fuzz" };
        // Warm up (JIT, the model's first prediction) so the slowest input is an input, not the start-up.
        Exercise("Permission denied (publickey).", withModel: true, diagnostician, runtime);
        var clock = Stopwatch.StartNew();
        worker.Start();
        while (worker.IsAlive)
        {
            await Task.Delay(100);
            var (index, text, started) = Volatile.Read(ref current);
            if (index >= 0 && worker.IsAlive && Stopwatch.GetElapsedTime(started) > HangBound)
            {
                Assert.Fail($"input {index} has run for more than {HangBound.TotalSeconds} s: {Describe(text)}");
            }
        }
        if (failure is not null)
        {
            throw failure;
        }

        output.WriteLine($"{Inputs} inputs ({totalCharacters:N0} characters) in {clock.Elapsed.TotalSeconds:0.0} s; " +
            $"slowest: input {slowest.Index} in {slowest.Elapsed.TotalMilliseconds:0} ms: {Describe(slowest.Text)}");
        Assert.Equal(Inputs - 1, current.Index);
    }

    [Fact]
    public void The_generator_is_seeded_so_a_failure_can_be_replayed()
    {
        var first = new Generator(new Random(Seed));
        var second = new Generator(new Random(Seed));

        Assert.Equal(Enumerable.Range(0, 50).Select(first.Next), Enumerable.Range(0, 50).Select(second.Next));
    }

    private static void Exercise(string text, bool withModel, Diagnostician diagnostician, SshSupportBot.Hosting.BotRuntime runtime)
    {
        var redacted = SecretRedactor.Redact(text);
        var scan = PrivateKeyDetector.Find(text, continuesKey: text.Length % 2 == 0);
        var previous = -1;
        foreach (var range in scan.Ranges)
        {
            Assert.True(range.Start > previous && range.Start < range.End && range.End <= text.Length, $"bad range {range}");
            previous = range.End - 1;
        }
        // Redaction only ever shrinks a key to its placeholder: the text cannot grow without bound.
        Assert.True(redacted.Length <= text.Length + (scan.Ranges.Count + 1) * SecretRedactor.Placeholder.Length);
        diagnostician.Diagnose(PasteWindow.Trim(text));
        var window = PasteWindow.ForClassifier(text);
        Salutations.StripLeading(TextNormalizer.Normalize(window));
        LanguageDetector.Detect(text);
        if (withModel)
        {
            runtime.Answerer.Classifier.Classify(text);
        }
    }

    private sealed record Progress(int Index, string Text, long Started);

    private static string Describe(string text) =>
        $"{text.Length} chars, starts \"{Escape(text[..Math.Min(120, text.Length)])}\"";

    private static string Escape(string s) => s.Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>Builds inputs from real fragments, then cuts, splices, repeats and pads them.</summary>
    private sealed class Generator(Random random)
    {
        private static readonly string[] Astral = ["😀", "𠮷", "🔑", "👍🏽", "𩸽"];

        private static readonly string[] Fragments = BuildFragments();

        public string Next(int index)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                text.Append(Fragment()).Append(Pick(["\n", "\r\n", "\r", " ", "", "\n\n", "```"]));
            }
            var value = text.ToString();
            for (var m = random.Next(0, 4); m > 0; m--)
            {
                value = Mutate(value, index);
            }
            // An astral character right at a window cut: the classifier reads the first 1,000 and the last 3,000
            // characters of a text over 4,000, the analyzers the first 100,000 and the last 900,000.
            if (index % 50 == 3)
            {
                var head = index % 5_000 == 3 ? 100_000 : 1_000;
                var fill = Pick(['a', 'ア', ' ', '\n']);
                value = random.Next(2) == 0
                    ? new string(fill, Math.Max(0, head - 1 + random.Next(-1, 2))) + Pick(Astral) + value + new string(fill, 3_000)
                    : value + new string(fill, 1_000) + Pick(Astral) + new string(fill, Math.Max(0, 2_999 + random.Next(-1, 2)));
            }
            // A few huge inputs: one line of hundreds of thousands of characters, or a long repetition.
            if (index % 5_000 == 1)
            {
                var fragment = Pick(Fragments);
                value = string.Concat(Enumerable.Repeat(fragment, 300_000 / Math.Max(1, fragment.Length) + 1))[..300_000];
            }
            else if (index % 5_000 == 2)
            {
                value = new string(Pick(['A', '-', 'x', ' ', '\u3042']), 400_000) + value;
            }
            return value;
        }

        private string Mutate(string value, int index)
        {
            var at = value.Length == 0 ? 0 : random.Next(value.Length + 1);
            switch (random.Next(9))
            {
                case 0:
                    return value[..at];
                case 1:
                    return value[at..];
                case 2:
                    return value.Insert(at, Pick(Fragments));
                case 3:
                    return value.Insert(at, Pick(Astral));
                case 4:
                    return value.Insert(at, Pick(["\r\n", "\r", "\n\r", "\r\r\n"]));
                case 5:
                    var slice = value.Substring(at, Math.Min(value.Length - at, random.Next(1, 60)));
                    return value.Insert(at, string.Concat(Enumerable.Repeat(slice, random.Next(2, 20))));
                case 6:
                    // Half of a surrogate pair, as a cut or a client's JSON can deliver it.
                    return value.Insert(at, Pick(["\uD83D", "\uDE00", "\uD842"]));
                case 7:
                    return value.Insert(at, Pick(["port 99999999999", "Port=99999999999", "-p 2147483648", "Authenticating to gw:99999999999 as 'x'",
                        "Connecting to gw [1.2.3.4] port 99999999999.", "7777777777 /home/x", "-1", "1e309", "０７００ ~/.ssh"]));
                default:
                    return at < value.Length ? value.Remove(at, Math.Min(value.Length - at, random.Next(1, 50))) : value;
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        /// <summary>A fragment; a long recorded output is cut at random points to a few hundred characters, a key stays whole.</summary>
        private string Fragment()
        {
            var fragment = Pick(Fragments);
            if (fragment.Length <= 300 || Keys.Contains(fragment))
            {
                return fragment;
            }
            var start = random.Next(fragment.Length - 300);
            return fragment.Substring(start, random.Next(1, 300));
        }

        private static readonly HashSet<string> Keys = [.. RealKey.All.Select(k => k.Text)];

        private static string[] BuildFragments()
        {
            string[] markers =
            [
                "-----BEGIN OPENSSH PRIVATE KEY-----", "-----END OPENSSH PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
                "-----END RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", "-----BEGIN ENCRYPTED PRIVATE KEY-----", "-----END PRIVATE KEY-----",
                "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----", "---- END SSH2 ENCRYPTED PRIVATE KEY ----", "PuTTY-User-Key-File-3: ssh-ed25519",
                "PuTTY-User-Key-File-2", "PuTTY-User-Key-File-3", "what is the PuTTY-User-Key-File-3 format?", "see PuTTY-User-Key-File-3\nthanks",
                "Private-Lines: 5", "Private-MAC: ", "Public-Lines: 2", "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,00", "Encryption: none",
                "Comment: \"x\"", "b3BlbnNzaC1rZXktdjEA", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "P2/56wAAAi4AAAA3aWYtbW9k", "AAAAC3NzaC1lZDI1NTE5AAAAI",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIByAi/Osmp95KtWsAla6y17qcrq6pcP9EdJRlKHxIFd7 x", "SHA256:Sb3v2NeNzM5X3GEVpEj0+9BYc4Ci5ZPy3ZDn0bSCJvI",
                "<mailto:taro@gw.ddbj.nig.ac.jp|taro@gw.ddbj.nig.ac.jp>", "<at>SshBot</at>", "<at>", "**", "__", "[x](https://evil.example/x)", "# ",
                "お疲れ様です。", "hi team, ", "つながりません", "Permission denied (publickey).", "drwxrwxrwx 2 taro taro 4096 Jan 1 00:00 .ssh",
                "700 /home/taro/.ssh", "192.168.0.1", "fe80::1", "=", "==", "\t", "\u0000", "\u200B", "\uFEFF",
            ];
            var keys = RealKey.All.Select(k => k.Text);
            var recorded = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "openssh"), "*.txt").Select(File.ReadAllText);
            return [.. markers, .. keys, .. recorded];
        }
    }
}
