using System.Globalization;

namespace SshSupportBot.Probes;

/// <summary>One file the check looked at: which (<c>home</c>, <c>ssh_dir</c>, <c>authorized_keys</c>), and its mode and owner if it exists.</summary>
internal sealed record AccountPath(string Role, string Path, bool Exists, int? Mode = null, string? Owner = null, string? Group = null, string? Type = null);

/// <summary>A key registered in authorized_keys, by fingerprint only.</summary>
internal sealed record RegisteredKey(int Bits, string Fingerprint, string Type);

/// <summary>What <c>infra/sshbot-check-account.sh</c> printed, read line by line; lines it does not know are ignored.</summary>
internal sealed record ServerCheckReport(IReadOnlyList<AccountPath> Paths, IReadOnlyList<RegisteredKey> Keys, string? Error)
{
    public AccountPath? this[string role] => Paths.FirstOrDefault(p => p.Role == role);

    public static ServerCheckReport Parse(string output)
    {
        var paths = new List<AccountPath>();
        var keys = new List<RegisteredKey>();
        string? error = null;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('\t');
            switch (f[0])
            {
                case "path" when f.Length >= 7 && TryOctal(f[3], out var mode):
                    paths.Add(new AccountPath(f[1], f[2], true, mode, f[4], f[5], f[6]));
                    break;
                case "missing" when f.Length >= 3:
                    paths.Add(new AccountPath(f[1], f[2], false));
                    break;
                case "key" when f.Length >= 4 && int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bits):
                    keys.Add(new RegisteredKey(bits, f[2], f[3]));
                    break;
                case "error" when f.Length >= 2:
                    error = f[1];
                    break;
            }
        }
        return new ServerCheckReport(paths, keys, error);
    }

    private static bool TryOctal(string text, out int mode)
    {
        mode = 0;
        if (text.Length is 0 or > 4 || text.Any(c => c is < '0' or > '7'))
        {
            return false;
        }
        mode = Convert.ToInt32(text, 8);
        return true;
    }
}
