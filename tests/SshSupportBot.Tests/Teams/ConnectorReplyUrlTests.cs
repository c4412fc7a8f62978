using SshSupportBot.Teams;

namespace SshSupportBot.Tests.Teams;

public sealed class ConnectorReplyUrlTests
{
    [Fact]
    public void A_reply_goes_under_v3_conversations_of_the_service_url()
    {
        var url = ConnectorClient.ReplyUrl("https://smba.trafficmanager.net/jp/", "a:1", "act-9");

        Assert.Equal("https://smba.trafficmanager.net/jp/v3/conversations/a%3A1/activities/act-9", url.AbsoluteUri);
    }

    [Fact]
    public void A_service_url_without_a_trailing_slash_keeps_its_path()
    {
        var url = ConnectorClient.ReplyUrl("http://127.0.0.1:3000/base", "c1", "r1");

        Assert.Equal("http://127.0.0.1:3000/base/v3/conversations/c1/activities/r1", url.AbsoluteUri);
    }

    [Fact]
    public void A_channel_thread_conversation_id_is_escaped_into_one_path_segment()
    {
        var url = ConnectorClient.ReplyUrl("https://smba.trafficmanager.net/jp/", "19:abc@thread.tacv2;messageid=123", "r1");

        Assert.Equal("https://smba.trafficmanager.net/jp/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D123/activities/r1", url.AbsoluteUri);
    }
}
