using SshSupportBot.Diagnostics;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Diagnostics;

public class PrivateKeyDetectorTests
{
    public static TheoryData<string> Keys() => new(RealKey.All.Select(k => k.Name));

    public static TheoryData<string> RecognisableBodies() => new(RealKey.All.Where(k => k.BodyIsRecognisable).Select(k => k.Name));

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_whole_key_is_removed_and_the_words_around_it_are_kept(string name)
    {
        var key = RealKey.Get(name);

        var redacted = SecretRedactor.Redact($"これで合っていますか？\n{key.Text}\nthanks");

        Assert.Equal($"これで合っていますか？\n{SecretRedactor.Placeholder}\nthanks", redacted);
        Assert.True(SecretRedactor.ContainsPrivateKey(key.Text));
        Assert.NotNull(key.Leaked(key.Text));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_key_whose_first_line_was_not_copied_is_still_removed(string name)
    {
        var key = RealKey.Get(name);

        var redacted = SecretRedactor.Redact("here is my key\n" + key.WithoutFirstLine + "\nwhat is wrong?");

        Assert.Null(key.Leaked(redacted));
        Assert.StartsWith("here is my key\n", redacted);
        Assert.EndsWith("\nwhat is wrong?", redacted);
        Assert.Contains("private-key-pasted", Paste.Diagnose(key.WithoutFirstLine).Codes());
    }

    [Theory]
    [MemberData(nameof(RecognisableBodies))]
    public void A_bare_key_body_without_any_marker_is_recognised_by_what_it_decodes_to(string name)
    {
        var key = RealKey.Get(name);

        var redacted = SecretRedactor.Redact("鍵の中身です\n" + key.BareBody + "\nよろしくお願いします");

        Assert.Equal($"鍵の中身です\n{SecretRedactor.Placeholder}\nよろしくお願いします", redacted);
        Assert.Contains("private-key-pasted", Paste.Diagnose(key.BareBody).Codes());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_key_split_over_two_messages_is_removed_from_both(string name)
    {
        var (first, second) = RealKey.Get(name).Split();
        var key = RealKey.Get(name);

        var firstScan = PrivateKeyDetector.Find(first);
        var secondRedacted = SecretRedactor.Redact(second, firstScan.EndsInsideKey);

        Assert.True(firstScan.EndsInsideKey);
        Assert.Null(key.Leaked(SecretRedactor.Redact(first)));
        Assert.Null(key.Leaked(secondRedacted));
        Assert.True(PrivateKeyDetector.Find(second, continuesKey: true).ContinuedKey);
        Assert.False(PrivateKeyDetector.Find(second, continuesKey: true).EndsInsideKey);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_key_pasted_one_line_per_message_is_removed_line_by_line(string name)
    {
        var key = RealKey.Get(name);
        var inside = false;
        foreach (var line in key.Lines)
        {
            var redacted = SecretRedactor.Redact(line, inside);
            Assert.Null(key.Leaked(redacted));
            inside = PrivateKeyDetector.Find(line, inside).EndsInsideKey;
        }
        Assert.False(inside);
    }

    [Fact]
    public void The_rest_of_a_key_is_recognised_without_the_previous_message_when_its_end_line_is_there()
    {
        var key = RealKey.Get("openssh-ed25519");
        var (_, second) = key.Split();

        Assert.Null(key.Leaked(SecretRedactor.Redact("続きです\n" + second)));
        Assert.Contains("private-key-pasted", Paste.Diagnose(second).Codes());
    }

    [Fact]
    public void Ordinary_words_after_a_key_that_ended_are_not_taken_for_its_rest()
    {
        var scan = PrivateKeyDetector.Find("ありがとうございます、作り直します", continuesKey: true);

        Assert.Empty(scan.Ranges);
        Assert.False(scan.ContinuedKey);
        Assert.Equal("thanks", SecretRedactor.Redact("thanks", continuesKey: true));
    }

    [Fact]
    public void Public_keys_and_fingerprints_are_not_secret_and_stay()
    {
        var text = string.Join('\n', RealKey.PublicKeys) + "\n256 SHA256:Sb3v2NeNzM5X3GEVpEj0+9BYc4Ci5ZPy3ZDn0bSCJvI test-only@fixture (ED25519)\n"
            + "---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2EAAAADAQABAAAAgQDwN7DlBL083ihu5fhZUUNg7YnEA9XHH1o5\n---- END SSH2 PUBLIC KEY ----";

        Assert.Equal(text, SecretRedactor.Redact(text));
        Assert.DoesNotContain("private-key-pasted", Paste.Diagnose(text).Codes());
    }

    [Fact]
    public void The_ssh_com_form_is_recognised_by_its_magic_number_without_its_armour()
    {
        var body = RealKey.Get("sshcom-rsa.txt").BareBody;

        Assert.StartsWith("P2/56w", body);
        Assert.True(PrivateKeyStructure.StartsPrivateKey(body, 0));
    }

    // Issue 11 §1: each of these never returned; the redacted hand-off text grew without bound.
    [Theory]
    [InlineData("what is the PuTTY-User-Key-File-3 format?")]
    [InlineData("PuTTY-User-Key-File-2")]
    [InlineData("see PuTTY-User-Key-File-3\nthanks")]
    [InlineData("PuTTY-User-Key-File-3: ssh-ed25519")]
    [InlineData("PuTTY-User-Key-File-3: ssh-ed25519\nthanks")]
    [InlineData("PuTTY-User-Key-File-3:PuTTY-User-Key-File-3:PuTTY-User-Key-File-3:")]
    [InlineData("Private-Lines: 9\nPrivate-MAC:")]
    [InlineData("-----BEGIN RSA PRIVATE KEY----------END RSA PRIVATE KEY-----")]
    [InlineData("---- END SSH2 ENCRYPTED PRIVATE KEY ----")]
    public async Task A_quoted_key_marker_returns_promptly_and_the_text_does_not_grow(string text)
    {
        var redacted = await Task.Run(() => SecretRedactor.Redact(text)).WaitAsync(TimeSpan.FromSeconds(10));
        var analysis = await Task.Run(() => Paste.Diagnose(text)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(redacted.Length <= text.Length + SecretRedactor.Placeholder.Length, redacted);
        Assert.DoesNotContain("private-key-pasted", analysis.Codes());
    }

    [Fact]
    public void A_question_about_the_putty_format_is_kept_word_for_word()
    {
        Assert.Equal("what is the PuTTY-User-Key-File-3 format?", SecretRedactor.Redact("what is the PuTTY-User-Key-File-3 format?"));
    }

    [Fact]
    public void A_text_longer_than_the_detector_reads_is_cut_rather_than_kept_unread()
    {
        var key = RealKey.Get("openssh-ed25519");
        var text = new string('x', PrivateKeyDetector.MaxScannedCharacters) + "\n" + key.Text;

        var redacted = SecretRedactor.Redact(text);

        Assert.EndsWith(SecretRedactor.Unread, redacted);
        Assert.Null(key.Leaked(redacted));
    }
}
