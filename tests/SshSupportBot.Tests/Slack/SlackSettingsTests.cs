using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SshSupportBot.Hosting;
using SshSupportBot.Slack;

namespace SshSupportBot.Tests.Slack;

public sealed class SlackSettingsTests
{
    private static SlackSettings From(params (string Key, string? Value)[] settings) =>
        SlackSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Defaults_point_at_slack_and_keep_two_socket_connections()
    {
        var options = From(("Slack:BotToken", "xoxb-1"));

        Assert.Equal(new Uri("https://slack.com/api/"), options.ApiBaseUrl);
        Assert.Equal(2, options.SocketConnections);
        Assert.False(options.SocketMode);
        Assert.True(options.IsConfigured);
    }

    [Fact]
    public void Socket_mode_is_on_by_default_when_an_app_token_is_set_and_can_be_turned_off()
    {
        Assert.True(From(("Slack:BotToken", "xoxb-1"), ("Slack:AppToken", "xapp-1")).SocketMode);
        Assert.False(From(("Slack:BotToken", "xoxb-1"), ("Slack:AppToken", "xapp-1"), ("Slack:SocketMode", "false")).SocketMode);
    }

    [Fact]
    public void Secrets_can_come_from_files()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "xoxb-from-file\n");

            Assert.Equal("xoxb-from-file", From(("Slack:BotTokenFile", file)).BotToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_secret_file_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Slack:SigningSecretFile", "/nonexistent/secret")));

        Assert.Contains("Slack:SigningSecretFile", error.Message);
    }

    [Fact]
    public void A_queue_setting_left_under_slack_names_its_new_inbox_key_instead_of_being_ignored()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Slack:BotToken", "xoxb-1"), ("Slack:QueueCapacity", "8192")));

        Assert.Contains("Inbox:QueueCapacity", error.Message);
    }

    [Fact]
    public void An_api_base_url_without_a_trailing_slash_still_resolves_methods_under_it()
    {
        var options = From(("Slack:BotToken", "x"), ("Slack:ApiBaseUrl", "http://127.0.0.1:9/api"));

        Assert.Equal("http://127.0.0.1:9/api/chat.postMessage", new Uri(options.ApiBaseUrl, "chat.postMessage").AbsoluteUri);
    }

    [Fact]
    public void The_server_refuses_http_slack_endpoints_without_a_signing_secret()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection([new("Slack:BotToken", "xoxb-1")]);

        var error = Assert.Throws<InvalidOperationException>(() => ChannelRegistration.AddChannels(builder));

        Assert.Contains("Slack:SigningSecret", error.Message);
    }

    [Fact]
    public void Without_a_bot_token_slack_is_not_added()
    {
        var builder = WebApplication.CreateBuilder();

        ChannelRegistration.AddChannels(builder);

        Assert.DoesNotContain(builder.Services, s => s.ServiceType == typeof(SlackSettings));
    }
}
