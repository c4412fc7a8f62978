#!/usr/bin/env python3
"""Memory of `sshbot serve` under slow unauthenticated clients (issue 11, section 5).

Starts the server (the sshbot.dll given) with Slack HTTP endpoints and Teams on a loopback port, waits for /readyz,
then opens N connections that each promise a 1 MiB body and send all but its last byte slowly, then hold it:
half to /slack/events with a fresh timestamp and a well-formed but wrong signature (it can only be refuted after
the whole body), half to /api/messages with a bearer token that is not a JWT. The server's RSS (VmRSS, sampled
from /proc) is printed before, at its peak while the clients hold, and after they go; also the status codes the
clients got. Python standard library only; loopback only.

    python3 bench/slow-bodies/slow_bodies.py --dll tests/SshSupportBot.Tests/bin/Release/net10.0/sshbot.dll \
        --intents intents --data /tmp/model-dir [--connections 400] [--hold 15] [--target both|slack|teams]
"""
import argparse
import asyncio
import collections
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

BODY = 1 << 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


async def slow_client(port, path, headers, statuses, chunk, pause):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError as e:
        statuses[f"connect failed: {e.__class__.__name__}"] += 1
        return
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {BODY}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    status = "no answer"
    try:
        writer.write(head.encode())
        sent = 0
        while sent < BODY - 1:
            n = min(chunk, BODY - 1 - sent)
            writer.write(b" " * n)
            await writer.drain()
            sent += n
            await asyncio.sleep(pause)
            if reader.at_eof() or len(reader._buffer) > 0:  # answered early
                break
        line = await asyncio.wait_for(reader.readline(), timeout=HOLD)
        status = line.decode(errors="replace").split(" ")[1] if line else "closed"
    except (asyncio.TimeoutError, TimeoutError):
        status = "held to the end"
    except (ConnectionError, OSError):
        status = "reset by server"
    finally:
        statuses[status] += 1
        writer.close()


async def attack(port, n, chunk, pause, target):
    statuses = collections.Counter()
    now = str(int(time.time()))
    slack = {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": "v0=" + "0" * 64}
    teams = {"Authorization": "Bearer not-a-token"}
    def to_slack(i):
        return target == "slack" or target == "both" and i % 2 == 0
    tasks = [slow_client(port, "/slack/events" if to_slack(i) else "/api/messages", slack if to_slack(i) else teams, statuses, chunk, pause)
             for i in range(n)]
    await asyncio.gather(*tasks)
    return statuses


def main():
    global HOLD
    p = argparse.ArgumentParser()
    p.add_argument("--dll", required=True)
    p.add_argument("--intents", required=True)
    p.add_argument("--data", required=True, help="a data directory with the trained model, so start-up does not train")
    p.add_argument("--connections", type=int, default=400)
    p.add_argument("--hold", type=float, default=15.0, help="seconds each client waits for an answer after sending")
    p.add_argument("--chunk", type=int, default=64 * 1024)
    p.add_argument("--target", choices=["both", "slack", "teams"], default="both", help="which endpoints the clients go to")
    p.add_argument("--pause", type=float, default=0.05, help="seconds between chunks (the trickle)")
    a = p.parse_args()
    HOLD = a.hold
    port = free_port()
    state = tempfile.mkdtemp(prefix="slow-bodies-")
    env = dict(os.environ,
               Bot__IntentsPath=os.path.abspath(a.intents), Bot__DataDirectory=os.path.abspath(a.data),
               Storage__Sqlite=os.path.join(state, "conversations.db"),
               Slack__BotToken="xoxb-bench", Slack__BotUserId="UBOT", Slack__SigningSecret="bench-signing-secret",
               Slack__ApiBaseUrl="http://127.0.0.1:9/api/",
               Teams__AppId="00000000-1111-2222-3333-444444444444", Teams__AppPassword="bench",
               Teams__OpenIdMetadataUrl="http://127.0.0.1:9/openid", Teams__TokenEndpoint="http://127.0.0.1:9/token",
               Logging__LogLevel__Default="Error")
    server = subprocess.Popen(["dotnet", a.dll, "serve", "--urls", f"http://127.0.0.1:{port}"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:
                    if r.status == 200:
                        break
            except Exception:
                time.sleep(0.5)
        else:
            sys.exit("the server did not become ready")
        time.sleep(2)
        before = rss_mb(server.pid)
        peak = [before]

        async def run():
            async def sample():
                while True:
                    peak[0] = max(peak[0], rss_mb(server.pid))
                    await asyncio.sleep(0.2)
            sampler = asyncio.ensure_future(sample())
            started = time.time()
            statuses = await attack(port, a.connections, a.chunk, a.pause, a.target)
            sampler.cancel()
            return statuses, time.time() - started

        statuses, seconds = asyncio.run(run())
        time.sleep(2)
        after = rss_mb(server.pid)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
            healthy = r.status == 200
        print(f"target={a.target} connections={a.connections} body={BODY} bytes each, trickled in {a.chunk}-byte chunks every {a.pause}s")
        print(f"rss_before_mb={before:.0f} rss_peak_mb={peak[0]:.0f} rss_after_mb={after:.0f} seconds={seconds:.1f} healthz_after={healthy}")
        print("statuses=" + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
