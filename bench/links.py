"""Network links of a fixed bandwidth for benchmarks: a token bucket, a throttled writer
and a throttling TCP proxy (so loopback behaves like a network-bound path to AWS)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import Any

CHUNK = 64 * 1024


class TokenBucket:
    """``rate`` bytes per second shared by every user of the bucket (one link), with a
    burst of ``burst`` bytes."""

    def __init__(self, rate: float, burst: float | None = None) -> None:
        self.rate = rate
        self.burst = burst if burst is not None else rate / 10
        self._tokens = self.burst
        self._at = time.monotonic()
        self._lock = threading.Lock()

    def take(self, amount: int) -> None:
        while True:
            with self._lock:
                now = time.monotonic()
                self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
                self._at = now
                if self._tokens >= amount or self._tokens >= self.burst:
                    self._tokens -= amount  # may go negative: the next taker waits it out
                    return
                wait = (min(amount, self.burst) - self._tokens) / self.rate
            time.sleep(wait)


class ThrottledWriter:
    """A file-like ``write`` through a bucket (a server's response stream)."""

    def __init__(self, inner: Any, bucket: TokenBucket) -> None:
        self._inner = inner
        self._bucket = bucket

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        for start in range(0, len(view), CHUNK):
            part = view[start : start + CHUNK]
            self._bucket.take(len(part))
            self._inner.write(part)
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class ThrottlingProxy:
    """Forwards TCP connections to ``upstream``; bytes towards it go through ``up``, bytes
    back through ``down`` (either may be None: unthrottled)."""

    def __init__(
        self, upstream: tuple[str, int], up: TokenBucket | None, down: TokenBucket | None
    ) -> None:
        self._upstream = upstream
        self._up, self._down = up, down
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self._upstream)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=_pump, args=(client, server, self._up), daemon=True).start()
            threading.Thread(target=_pump, args=(server, client, self._down), daemon=True).start()


def _pump(source: socket.socket, target: socket.socket, bucket: TokenBucket | None) -> None:
    try:
        while data := source.recv(CHUNK):
            if bucket is not None:
                bucket.take(len(data))
            target.sendall(data)
    except OSError:
        pass
    finally:
        for sock in (source, target):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
