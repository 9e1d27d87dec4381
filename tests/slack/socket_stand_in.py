"""A local stand-in for Slack's Socket Mode endpoint: a minimal WebSocket server (RFC 6455) on
127.0.0.1 that says hello, pushes envelopes to the connected bot and records what it sends back
(the acks). Plain ws:// - slack_sdk connects without TLS to any port but 443, for testing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import struct
import threading
import time
from typing import Any

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def _frame(payload: bytes, opcode: int = 0x1) -> bytes:
    """A server-to-client frame: final, unmasked."""
    head = bytes([0x80 | opcode])
    size = len(payload)
    if size < 126:
        head += bytes([size])
    elif size < 1 << 16:
        head += bytes([126]) + struct.pack("!H", size)
    else:
        head += bytes([127]) + struct.pack("!Q", size)
    return head + payload


def _read_exact(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _read_frame(conn: socket.socket) -> tuple[int, bytes]:
    first, second = _read_exact(conn, 2)
    opcode, size = first & 0x0F, second & 0x7F
    if size == 126:
        size = struct.unpack("!H", _read_exact(conn, 2))[0]
    elif size == 127:
        size = struct.unpack("!Q", _read_exact(conn, 8))[0]
    mask = _read_exact(conn, 4) if second & 0x80 else b"\0\0\0\0"
    data = _read_exact(conn, size)
    return opcode, bytes(b ^ mask[i % 4] for i, b in enumerate(data))


class SocketModeStandIn:
    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self._conn: socket.socket | None = None
        self._lock = threading.Condition()
        self.received: list[dict[str, Any]] = []
        self._stopped = False
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.getsockname()[:2]
        return f"ws://{host}:{port}/link"

    def start(self) -> SocketModeStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped = True
        if self._conn is not None:
            try:
                self._conn.close()
            except OSError:
                pass
        self._server.close()

    def _serve(self) -> None:
        while not self._stopped:
            try:
                conn, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            try:
                self._handshake(conn)
            except (ConnectionError, OSError, ValueError):
                conn.close()
                continue
            with self._lock:
                self._conn = conn
                self._lock.notify_all()
            self._read_loop(conn)

    def _handshake(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(4096)
            if not chunk:
                raise ConnectionError("closed during handshake")
            request += chunk
        headers = dict(line.split(": ", 1) for line in request.decode().split("\r\n")[1:] if ": " in line)
        key = next(v for k, v in headers.items() if k.lower() == "sec-websocket-key").strip()
        accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
        conn.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode())
        conn.sendall(_frame(json.dumps({"type": "hello", "num_connections": 1,
                                        "connection_info": {"app_id": "A1"}}).encode()))

    def _read_loop(self, conn: socket.socket) -> None:
        conn.settimeout(None)
        while not self._stopped:
            try:
                opcode, data = _read_frame(conn)
            except (ConnectionError, OSError, ValueError):
                return
            if opcode == 0x9:  # ping → pong
                conn.sendall(_frame(data, 0xA))
            elif opcode == 0x8:
                return
            elif opcode == 0x1:
                with self._lock:
                    self.received.append(json.loads(data))
                    self._lock.notify_all()

    # ---- driving ----

    def wait_connected(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._conn is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("the bot never connected over Socket Mode")
                self._lock.wait(left)

    def push(self, envelope: dict[str, Any]) -> None:
        assert self._conn is not None
        self._conn.sendall(_frame(json.dumps(envelope).encode()))

    def wait_ack(self, envelope_id: str, timeout: float = 10.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for message in self.received:
                    if message.get("envelope_id") == envelope_id:
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no ack for {envelope_id}; received {self.received}")
                self._lock.wait(left)
