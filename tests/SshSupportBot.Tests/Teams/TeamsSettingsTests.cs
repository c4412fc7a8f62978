using SshSupportBot.Teams;

namespace SshSupportBot.Tests.Teams;

public sealed class TeamsSettingsTests
{
    [Fact]
    public void The_token_endpoint_defaults_to_the_tenants_v2_endpoint()
    {
        var options = new TeamsSettings { AppId = "app", TenantId = "contoso-tenant" };

        Assert.Equal("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token", options.ResolveTokenEndpoint());
    }

    [Fact]
    public void The_app_password_can_come_from_a_file_and_surrounding_whitespace_is_dropped()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "s3cret\n");

            Assert.Equal("s3cret", new TeamsSettings { AppPasswordFile = file }.ResolveAppPassword());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_metadata_url_defaults_to_the_bot_framework_openid_configuration()
    {
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", new TeamsSettings().OpenIdMetadataUrl);
    }
}
