"""SMS reminders through a pluggable sender, recorded once per message key.

- ``DevSmsSender`` (default, embedded product): sends nothing; the recorded message is what
  a developer sees in the graph (``smsMessages``).
- ``HttpSmsSender``: a real provider over HTTPS, with template code, signature and an
  HMAC-signed request (credentials from settings). Each message carries its key as
  ``out_id``, the provider's de-duplication id: a redelivered outbox message (worker killed
  after the provider answered, before its commit) repeats the same ``out_id`` and the
  provider sends it once.

``send_once`` records every sent message in ``approval_sms_message`` in the caller's transaction
(the outbox handler's; in a batch the run's records are one insert, ``events.insert_later``),
keyed uniquely, so one key is sent at most once per database. A send
through an external sender asks the outbox to commit right after its message
(``events.COMMIT_NOW``): the outbox delivers in batches, one transaction each, and a worker
killed mid-batch must leave at most one provider request unrecorded (its retransmission is
de-duplicated by ``out_id``). The development sender sends nothing, so its records simply
commit with their batch.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import Sequence
from typing import Any, Protocol

import httpx
import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.approval.models.sms import SmsMessage
from api.core import events, metrics
from api.core.config import Settings, get_settings
from api.core.events import BATCH_CACHE, COMMIT_NOW


class SmsError(Exception):
    """The provider refused, failed or did not answer in time: the outbox retries."""


class SmsSender(Protocol):
    """A sender may say ``external = False`` (nothing leaves the process); one that does not
    is treated as external: the outbox commits right after each message it sends."""

    name: str

    async def send(
        self, *, key: str, mobile: str, template: str, params: dict[str, Any], text: str
    ) -> str:
        """Send one message; return the provider's reference or raise ``SmsError``."""
        ...


class DevSmsSender:
    name = "dev"
    external = False  # nothing leaves the process: the record is the whole effect

    async def send(
        self,
        *,
        key: str,
        mobile: str,  # noqa: ARG002 - a development sender only records
        template: str,  # noqa: ARG002
        params: dict[str, Any],  # noqa: ARG002
        text: str,  # noqa: ARG002
    ) -> str:
        return f"dev:{key}"


class HttpSmsSender:
    name = "http"
    external = True

    def __init__(
        self,
        *,
        url: str,
        access_key: str,
        access_secret: str,
        signature: str,
        timeout: float = 5.0,
    ) -> None:
        self.url = url
        self.access_key = access_key
        self.access_secret = access_secret
        self.signature = signature
        self.timeout = timeout
        # One connection pool per event loop (building a client costs tens of milliseconds).
        self._clients: dict[asyncio.AbstractEventLoop, httpx.AsyncClient] = {}

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None or client.is_closed:
            client = httpx.AsyncClient(timeout=self.timeout)
            self._clients = {
                known: c for known, c in self._clients.items() if not known.is_closed()
            }
            self._clients[loop] = client
        return client

    def _sign(self, body: bytes) -> str:
        return hmac.new(self.access_secret.encode(), body, hashlib.sha256).hexdigest()

    async def send(
        self, *, key: str, mobile: str, template: str, params: dict[str, Any], text: str
    ) -> str:
        body = json.dumps(
            {
                "out_id": key,
                "phone_numbers": mobile,
                "sign_name": self.signature,
                "template_code": template,
                "template_param": params,
                "text": text,
            },
            ensure_ascii=False,
            sort_keys=True,
        ).encode()
        headers = {
            "content-type": "application/json",
            "x-access-key": self.access_key,
            "x-signature": self._sign(body),
        }
        try:
            response = await self._client().post(self.url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise SmsError(f"短信服务不可达：{type(exc).__name__}") from exc
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.status_code != 200 or answer.get("code") != "OK":  # noqa: PLR2004
            raise SmsError(
                f"短信服务拒绝：HTTP {response.status_code} {answer.get('message', '')}".strip()
            )
        return str(answer.get("message_id", ""))


def sender_from_settings(settings: Settings | None = None) -> SmsSender:
    settings = settings or get_settings()
    if settings.sms_sender == "http":
        if not settings.sms_url:
            msg = "SHENGUAN_SMS_URL must be set when SHENGUAN_SMS_SENDER=http"
            raise RuntimeError(msg)
        return HttpSmsSender(
            url=settings.sms_url,
            access_key=settings.sms_access_key,
            access_secret=settings.sms_access_secret,
            signature=settings.sms_signature,
            timeout=settings.sms_timeout_seconds,
        )
    return DevSmsSender()


_sender: SmsSender | None = None


def current_sender() -> SmsSender:
    """The process's sender (from settings on first use; tests may install another)."""
    global _sender  # noqa: PLW0603 - one sender per process, chosen once
    if _sender is None:
        _sender = sender_from_settings()
    return _sender


def install_sender(sender: SmsSender | None) -> None:
    global _sender  # noqa: PLW0603
    _sender = sender


async def send_once(
    session: AsyncSession,
    *,
    key: str,
    mobile: str,
    recipient_name: str,
    department_id: int | None,
    template: str,
    params: dict[str, Any],
    text: str,
    sender: SmsSender | None = None,
) -> bool:
    """Send ``key`` unless this database already recorded it (False then); the record commits
    with the caller (``events.insert_later``: in an outbox batch, with its run)."""
    cache = session.info.get(BATCH_CACHE)
    unrecorded: set[str] = cache.get(_UNRECORDED, set()) if cache is not None else set()
    if key in unrecorded:
        unrecorded.discard(key)  # read this batch (the message's row is locked): not recorded
    else:
        held = select(SmsMessage.id).where(SmsMessage.key == key)  # sees the run's records
        if (await session.exec(held)).first() is not None:
            return False
    chosen = sender or current_sender()
    if getattr(chosen, "external", True):
        # The provider may send it even if this call fails: the outbox batch commits after
        # this message, so a killed worker leaves at most this one send unrecorded.
        session.info[COMMIT_NOW] = True
    metrics.SMS_ATTEMPTS.labels(chosen.name).inc()
    try:
        ref = await chosen.send(key=key, mobile=mobile, template=template, params=params, text=text)
    except Exception:
        metrics.SMS_FAILURES.labels(chosen.name).inc()
        raise
    # With the rest of the outbox run's records (one insert for the run, no ORM object).
    await events.insert_later(
        session,
        SmsMessage,
        {
            "key": key,
            "mobile": mobile,
            "recipient_name": recipient_name,
            "department_id": department_id,
            "template": template,
            "params": params,
            "text": text[:500],
            "sender": chosen.name,
            "provider_ref": ref[:100],
        },
    )
    return True


_UNRECORDED = "sms.unrecorded"


async def preload_recorded(session: AsyncSession, keys: Sequence[str]) -> None:
    """For an outbox batch (``events.BATCH_CACHE``): find in one query which of ``keys`` are
    not recorded yet, so ``send_once`` need not ask again for each. A key is trusted once: a
    second ``send_once`` of it in the batch asks the database."""
    cache = session.info.get(BATCH_CACHE)
    if cache is None or not keys:
        return
    stmt = select(SmsMessage.key).where(col(SmsMessage.key).in_(list(keys)))
    recorded = set((await session.exec(stmt)).all())
    cache.setdefault(_UNRECORDED, set()).update(k for k in keys if k not in recorded)


async def messages(
    session: AsyncSession,
    *,
    department_id: int | None = None,
    key_prefix: str | None = None,
    after_id: int | None = None,
    limit: int = 100,
) -> Sequence[SmsMessage]:
    stmt = select(SmsMessage)
    if department_id is not None:
        stmt = stmt.where(SmsMessage.department_id == department_id)
    if key_prefix is not None:
        stmt = stmt.where(col(SmsMessage.key).startswith(key_prefix))
    if after_id is not None:
        stmt = stmt.where(col(SmsMessage.id) > after_id)
    return (await session.exec(stmt.order_by(col(SmsMessage.id)).limit(limit))).all()


async def count_messages(session: AsyncSession, *, department_id: int | None = None) -> int:
    stmt = select(sa.func.count()).select_from(SmsMessage)
    if department_id is not None:
        stmt = stmt.where(SmsMessage.department_id == department_id)
    return int((await session.exec(stmt)).one())
