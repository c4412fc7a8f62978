using System.Text;
using SshSupportBot.Tests.Support;

namespace SshSupportBot.Tests.Conversations;

public sealed class AnswererTests
{
    [Fact]
    public void A_megabyte_long_verbose_log_is_still_diagnosed_by_the_error_at_its_end()
    {
        var paste = new StringBuilder("taro@laptop:~$ ssh -vvv taro@gw.ddbj.nig.ac.jp\n");
        for (var i = 0; paste.Length < 1_200_000; i++)
        {
            paste.Append("debug3: send packet: type 50 seq ").Append(i).Append('\n');
        }
        paste.Append("taro@gw.ddbj.nig.ac.jp: Permission denied (publickey).\n");

        var reply = TrainedBot.Runtime.Answerer.Answer(paste.ToString());

        Assert.Equal("permission-denied-publickey", reply.Classification.Intent);
        Assert.Contains(reply.Findings, f => f.Code == "publickey-denied");
    }

    [Fact]
    public void A_pasted_private_key_is_answered_with_the_exposure_advice_and_never_repeated()
    {
        const string keyBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACCdoNotARealKeyJustForThisTest";
        var paste = $"is this the right key?\n-----BEGIN OPENSSH PRIVATE KEY-----\n{keyBody}\n-----END OPENSSH PRIVATE KEY-----\n";

        var reply = TrainedBot.Runtime.Answerer.Answer(paste);

        Assert.Equal("private-key-exposed", reply.Classification.Intent);
        Assert.DoesNotContain(keyBody, reply.Text);
        Assert.All(reply.Findings, f => Assert.DoesNotContain(keyBody, f.Message.En + f.Message.Ja + f.Fix));
    }
}
