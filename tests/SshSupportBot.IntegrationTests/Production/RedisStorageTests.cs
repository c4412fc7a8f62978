using SshSupportBot.Languages;
using Microsoft.Extensions.Logging.Abstractions;
using SshSupportBot.Conversations;
using SshSupportBot.Intents;
using SshSupportBot.Storage;
using SshSupportBot.Tests.Production.Support;

namespace SshSupportBot.Tests.Production;

/// <summary>The Redis stores against a real redis-server: version-checked saves, expiry, shared claims, per-conversation leases.</summary>
public sealed class RedisStorageTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static string NewKey() => "slack:T1:D1:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_save_with_a_stale_version_is_refused_and_the_winner_is_kept()
    {
        var store = new RedisConversationStore(redis.Connection, TimeSpan.FromMinutes(5));
        var key = NewKey();
        var fresh = ConversationState.New(key, DateTimeOffset.UtcNow);

        Assert.True(await store.TrySaveAsync(fresh with { Language = Language.En }, default));
        Assert.False(await store.TrySaveAsync(fresh with { Language = Language.Ja }, default));
        var loaded = await store.LoadAsync(key, default);

        Assert.Equal(1, loaded!.Version);
        Assert.Equal(Language.En, loaded.Language);
        Assert.True(await store.TrySaveAsync(loaded with { Language = Language.Ja }, default));
        Assert.Equal(2, (await store.LoadAsync(key, default))!.Version);
    }

    [Fact]
    public async Task A_conversation_expires_with_its_key()
    {
        var store = new RedisConversationStore(redis.Connection, TimeSpan.FromMilliseconds(300));
        var key = NewKey();
        Assert.True(await store.TrySaveAsync(ConversationState.New(key, DateTimeOffset.UtcNow), default));

        await Task.Delay(600);

        Assert.Null(await store.LoadAsync(key, default));
    }

    [Fact]
    public async Task An_event_is_claimed_once_across_deduplicators_sharing_redis()
    {
        var first = new RedisEventDeduplicator(redis.Connection);
        var second = new RedisEventDeduplicator(redis.Connection);
        var key = "slack:event:" + Guid.NewGuid().ToString("N");

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).TryClaimAsync(key, TimeSpan.FromMinutes(1), default)));

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task A_conversation_lease_keeps_out_a_second_holder_until_released()
    {
        var one = new RedisConversationLock(redis.Connection, new InProcessConversationLock(), redis.Settings);
        var other = new RedisConversationLock(redis.Connection, new InProcessConversationLock(), redis.Settings);
        var key = NewKey();

        var held = await one.AcquireAsync(key, default);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => other.AcquireAsync(key, default));
        await held.DisposeAsync();
        await using var next = await other.AcquireAsync(key, default);
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_holder_lapses_and_its_late_release_does_not_free_the_new_holder()
    {
        var dead = new RedisConversationLock(redis.Connection, new InProcessConversationLock(), redis.Settings with { ConversationLockLease = TimeSpan.FromMilliseconds(300) });
        var alive = new RedisConversationLock(redis.Connection, new InProcessConversationLock(), redis.Settings);
        var third = new RedisConversationLock(redis.Connection, new InProcessConversationLock(), redis.Settings with { ConversationLockWait = TimeSpan.FromMilliseconds(200) });
        var key = NewKey();

        var abandoned = await dead.AcquireAsync(key, default);
        await Task.Delay(400);
        await using var taken = await alive.AcquireAsync(key, default);
        await abandoned.DisposeAsync();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => third.AcquireAsync(key, default));
    }
}
