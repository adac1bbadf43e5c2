"""A fake SMS provider over real HTTP: a Starlette app on a free port, started by a test.

It checks the signature, de-duplicates by ``out_id`` (as real providers do), and can be told
to fail every other call, fail given phone numbers forever, fail every call with an HTTP
status (an outage), or answer slowly.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ACCESS_KEY = "fake-access-key"
ACCESS_SECRET = "fake-access-secret"


@dataclass
class Behaviour:
    fail_every_other: bool = False
    failing_numbers: set[str] = field(default_factory=set)
    delay_seconds: float = 0.0
    fail_status: int | None = None  # every call answers this status (after the delay)


@dataclass
class FakeProvider:
    behaviour: Behaviour = field(default_factory=Behaviour)
    calls: int = 0
    failures: int = 0
    requests: Counter[str] = field(default_factory=Counter)  # out_id → requests received
    delivered: dict[str, dict[str, Any]] = field(default_factory=dict)  # out_id → message
    url: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def app(self) -> Starlette:
        async def send(request: Request) -> JSONResponse:
            body = await request.body()
            expected = hmac.new(ACCESS_SECRET.encode(), body, hashlib.sha256).hexdigest()
            if request.headers.get("x-signature") != expected:
                return JSONResponse({"code": "SIGNATURE", "message": "签名错误"}, status_code=403)
            data = await request.json()
            behaviour = self.behaviour  # as it was when the request arrived
            with self._lock:
                self.requests[data["out_id"]] += 1  # counted on arrival, answered or not
            if behaviour.delay_seconds:
                await asyncio.sleep(behaviour.delay_seconds)
            with self._lock:
                self.calls += 1
                failing = data["phone_numbers"] in behaviour.failing_numbers or (
                    behaviour.fail_every_other and self.calls % 2 == 1
                )
                if behaviour.fail_status is not None:
                    self.failures += 1
                    return JSONResponse(
                        {"code": "isp.SYSTEM_ERROR", "message": "服务内部错误"},
                        status_code=behaviour.fail_status,
                    )
                if failing:
                    self.failures += 1
                    return JSONResponse(
                        {"code": "isv.BUSINESS_LIMIT_CONTROL", "message": "触发流控"},
                        status_code=503,
                    )
                self.delivered.setdefault(data["out_id"], data)
            return JSONResponse({"code": "OK", "message_id": f"m-{data['out_id']}"})

        return Starlette(routes=[Route("/sms/send", send, methods=["POST"])])


class RunningProvider:
    """Serve a FakeProvider with uvicorn in a background thread."""

    def __init__(self, provider: FakeProvider) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.provider = provider
        provider.url = f"http://127.0.0.1:{port}/sms/send"
        config = uvicorn.Config(provider.app(), host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> FakeProvider:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                msg = "fake SMS provider did not start"
                raise RuntimeError(msg)
            time.sleep(0.02)
        return self.provider

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
