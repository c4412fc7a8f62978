using System.Collections.Concurrent;
using System.Diagnostics;

namespace SshSupportBot.LoadBench;

/// <summary>
/// Offers events at a fixed rate (open loop): each event has a due time and its latencies count from it, so a server
/// that falls behind shows it in the percentiles instead of slowing the generator down.
/// </summary>
internal sealed class LoadRunner(HttpClient client, ReplySink sink, EventFactory events, int teamsEvery)
{
    // Beyond this many unanswered requests the server is clearly not keeping up; stop offering more.
    private const int MaxInFlight = 4000;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan ReplyDrain = TimeSpan.FromSeconds(5);
    private int _runs;

    public async Task<StepResult> RunAsync(int rate, int seconds)
    {
        var run = Interlocked.Increment(ref _runs).ToString(System.Globalization.CultureInfo.InvariantCulture) + "r" + Environment.TickCount64 % 100000;
        var total = rate * seconds;
        var due = new long[total];
        var keys = new string[total];
        var ackMs = new ConcurrentBag<double>();
        var failed = 0;
        var inFlight = 0;
        var pending = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        var sent = 0;
        while (sent < total)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            var shouldHaveSent = Math.Min(total, (int)(elapsed.TotalSeconds * rate) + 1);
            for (; sent < shouldHaveSent; sent++)
            {
                if (Volatile.Read(ref inFlight) >= MaxInFlight)
                {
                    Interlocked.Add(ref failed, total - sent);
                    sent = total;
                    break;
                }
                var (request, key) = events.Create(run, sent, teamsEvery > 0 && sent % teamsEvery == 0);
                keys[sent] = key;
                var dueAt = start + (long)(sent * (double)Stopwatch.Frequency / rate);
                due[sent] = dueAt;
                Interlocked.Increment(ref inFlight);
                pending.Add(SendAsync(request, dueAt));
            }
            await Task.Delay(Tick);
        }
        await Task.WhenAll(pending);
        var sendSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var drainUntil = Stopwatch.GetTimestamp() + (long)(ReplyDrain.TotalSeconds * Stopwatch.Frequency);
        var expected = total - failed;
        while (Stopwatch.GetTimestamp() < drainUntil && CountReplies(keys) < expected)
        {
            await Task.Delay(50);
        }
        var replyMs = new List<double>(total);
        for (var i = 0; i < total; i++)
        {
            if (keys[i] is { } key && sink.TryGetArrival(key, out var arrived))
            {
                replyMs.Add((arrived - due[i]) * 1000.0 / Stopwatch.Frequency);
            }
        }
        var acks = ackMs.Order().ToList();
        replyMs.Sort();
        return new StepResult(rate, acks.Count / Math.Max(sendSeconds, seconds), total, failed, replyMs.Count,
            Percentiles.Of(acks, 50), Percentiles.Of(acks, 99), Percentiles.Of(replyMs, 50), Percentiles.Of(replyMs, 99));

        async Task SendAsync(HttpRequestMessage request, long dueAt)
        {
            try
            {
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    ackMs.Add((Stopwatch.GetTimestamp() - dueAt) * 1000.0 / Stopwatch.Frequency);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                request.Dispose();
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    private int CountReplies(string[] keys) => keys.Count(k => k is not null && sink.TryGetArrival(k, out _));
}
