#!/usr/bin/env python3
"""Attacks a running muamala-server the way a hostile client on the internet would, and measures
what an ordinary client sees meanwhile (a benchmark, not a test: scripts/bench-attack.sh runs it).

  slow    SLOW connections each send a request head one byte at a time, a byte every
          --byte-interval seconds, never finishing it; a connection the server closes is opened
          again at once. Spread over --addresses loopback source addresses (127.0.1.1, ...), as a
          crowd of clients would be. Meanwhile GET /api/v1/health, each on a new connection from
          127.0.0.1, every 50 ms: its latency percentiles, and how many got no answer within 2 s.
  line    one connection sends a request line of 64 MB with no end, as fast as the server takes it;
          meanwhile the same health probe.

Both print the server's resident memory before and at its peak (read from /proc/PID/status), so
the server must run on this machine.
"""
import argparse
import os
import selectors
import socket
import statistics
import sys
import threading
import time

PROBE_TIMEOUT_SECONDS = 2.0
PROBE_INTERVAL_SECONDS = 0.05


def resident_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class MemoryWatch(threading.Thread):
    """Samples the server's resident memory every 50 ms until stopped; keeps the peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.stopping = pid, resident_kb(pid), threading.Event()

    def run(self):
        while not self.stopping.wait(0.05):
            try:
                self.peak_kb = max(self.peak_kb, resident_kb(self.pid))
            except OSError:
                return


class HealthProbe(threading.Thread):
    """GET /api/v1/health on a new connection every 50 ms; records each latency or a failure."""

    def __init__(self, host, port):
        super().__init__(daemon=True)
        self.host, self.port = host, port
        self.latencies_ms, self.failures, self.stopping = [], 0, threading.Event()

    def one(self):
        started = time.perf_counter()
        try:
            with socket.create_connection((self.host, self.port), timeout=PROBE_TIMEOUT_SECONDS) as connection:
                connection.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                answer = b""
                while b"\r\n\r\n" not in answer:
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    answer += chunk
            if not answer.startswith(b"HTTP/1.1 200"):
                self.failures += 1
                return
            self.latencies_ms.append((time.perf_counter() - started) * 1000)
        except OSError:
            self.failures += 1

    def run(self):
        while not self.stopping.is_set():
            self.one()
            self.stopping.wait(PROBE_INTERVAL_SECONDS)

    def summary(self):
        # A probe with no answer within the timeout counts as that long: p99 must not hide failures.
        samples = sorted(self.latencies_ms + [PROBE_TIMEOUT_SECONDS * 1000] * self.failures)
        if not samples:
            return {"answered": 0, "failed": 0}
        def percentile(p):
            return samples[min(len(samples) - 1, int(round(p / 100 * (len(samples) - 1))))]
        return {"answered": len(self.latencies_ms), "failed": self.failures, "p50_ms": round(statistics.median(samples), 1),
                "p99_ms": round(percentile(99), 1), "max_ms": round(samples[-1], 1)}


def slow_attack(args):
    head = b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\nX-Slow: " + b"a" * 100_000
    selector = selectors.DefaultSelector()
    # Never 127.0.0.1, where the health probe comes from: the attackers are other clients.
    sources = [f"127.0.1.{1 + index % 250}" for index in range(args.addresses)]
    opened = closed_by_server = 0
    connections = {}  # socket -> bytes sent

    def open_one(index):
        nonlocal opened
        connection = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        connection.setblocking(False)
        connection.bind((sources[index % len(sources)], 0))
        try:
            connection.connect((args.host, args.port))
        except BlockingIOError:
            pass
        connections[connection] = (index, 0)
        selector.register(connection, selectors.EVENT_READ)
        opened += 1

    for index in range(args.slow):
        open_one(index)
    deadline = time.monotonic() + args.seconds
    next_byte = time.monotonic()
    while time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.05):
            connection = key.fileobj
            try:
                data = connection.recv(4096)
            except OSError:
                data = b""
            if not data:  # the server closed it (or answered and closed): open another
                index, _ = connections.pop(connection)
                selector.unregister(connection)
                connection.close()
                closed_by_server += 1
                open_one(index)
        if time.monotonic() >= next_byte:
            next_byte += args.byte_interval
            for connection, (index, sent) in list(connections.items()):
                try:
                    connection.send(head[sent:sent + 1])
                    connections[connection] = (index, sent + 1)
                except OSError:
                    pass
    for connection in connections:
        connection.close()
    return {"connections_opened": opened, "closed_by_server": closed_by_server}


def long_line_attack(args):
    total, block = 64 * 1024 * 1024, b"/" * 65536
    sent = 0
    started = time.monotonic()
    try:
        with socket.create_connection((args.host, args.port), timeout=5) as connection:
            connection.sendall(b"GET /")
            while sent < total and time.monotonic() - started < args.seconds:
                connection.sendall(block)
                sent += len(block)
            time.sleep(1)  # let the server hold what it took
    except OSError as failure:
        return {"bytes_sent": sent, "ended": f"server closed the connection ({failure.__class__.__name__})"}
    return {"bytes_sent": sent, "ended": "all sent"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("attack", choices=["slow", "line"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's process id, for its memory")
    parser.add_argument("--slow", type=int, default=500, help="slow connections")
    parser.add_argument("--addresses", type=int, default=50, help="source addresses the slow connections come from")
    parser.add_argument("--byte-interval", type=float, default=1.0)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()

    memory, probe = MemoryWatch(args.pid), HealthProbe(args.host, args.port)
    before_kb = memory.peak_kb
    memory.start()
    probe.start()
    outcome = slow_attack(args) if args.attack == "slow" else long_line_attack(args)
    probe.stopping.set()
    memory.stopping.set()
    probe.join()
    memory.join()
    outcome.update(probe.summary())
    outcome.update({"rss_before_mb": round(before_kb / 1024, 1), "rss_peak_mb": round(memory.peak_kb / 1024, 1)})
    print(" ".join(f"{name}={value}" for name, value in outcome.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
