using Microsoft.Extensions.Configuration;
using SshSupportBot.Admin;

namespace SshSupportBot.Tests.Admin;

public sealed class AdminSettingsTests
{
    private static AdminSettings From(params (string Key, string Value)[] settings) =>
        AdminSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void The_existing_slack_and_teams_admin_keys_still_name_the_admins_of_their_channel_only()
    {
        var admin = From(("Admin:SlackUserIds:0", "UADMIN"), ("Admin:TeamsUserIds:0", "29:admin"));

        Assert.True(admin.IsAdmin("slack", "UADMIN"));
        Assert.True(admin.IsAdmin("teams", "29:admin"));
        Assert.False(admin.IsAdmin("teams", "UADMIN"));
        Assert.False(admin.IsAdmin("slack", "29:admin"));
    }

    [Fact]
    public void A_new_channel_gets_its_admins_from_its_own_key_without_a_change_in_admin()
    {
        var admin = From(("Admin:MatrixUserIds:0", "@ops:example.org"));

        Assert.True(admin.IsAdmin("matrix", "@ops:example.org"));
        Assert.False(admin.IsAdmin("slack", "@ops:example.org"));
    }

    [Fact]
    public void Configuration_cannot_make_everyone_an_admin_only_the_terminal_is()
    {
        var admin = From(("Admin:EveryoneIsAdmin", "true"));

        Assert.False(admin.IsAdmin("slack", "U1"));
        Assert.True(admin.ForLocalTerminal().IsAdmin("cli", Environment.UserName));
    }
}
