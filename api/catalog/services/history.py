"""History of catalog objects: one mechanism for linkages, people, sections and matters.

Every change is a ``ChangeRecord`` row written in the same transaction as the change: the
object (kind and id), the action, who (account name), from which department, when, and for
each field that changed its value before and after. Values are stored as the readable text
a reviewer needs (the person's name, not their id), so a deleted person or linkage still
reads back. Field names are the GraphQL input names (``supervisingPersonId`` → the SPA shows
监管责任人).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from api.catalog.models import ChangeAction, ChangedEntity, ChangeRecord
from api.core.loaders import fetch_many_per_key
from api.core.scope import Scope

Snapshot = Mapping[str, Any]


@dataclass(frozen=True)
class Editor:
    """Who makes a change: the account name and the department it acts for.

    ``Editor.system()`` is the platform itself (demo loading, seeding).
    """

    username: str
    department_id: int | None

    @classmethod
    def system(cls) -> Editor:
        return cls(username="", department_id=None)

    @classmethod
    def of(cls, username: str, scope: Scope | None) -> Editor:
        return cls(username=username, department_id=scope.department_id if scope else None)


def field_changes(before: Snapshot | None, after: Snapshot | None) -> list[dict[str, Any]]:
    """``[{field, before, after}]`` for every field whose value differs (in key order)."""
    old = before or {}
    new = after or {}
    keys = list(dict.fromkeys([*old.keys(), *new.keys()]))
    return [
        {"field": k, "before": old.get(k), "after": new.get(k)}
        for k in keys
        if old.get(k) != new.get(k)
    ]


async def record(
    session: AsyncSession,
    *,
    entity: ChangedEntity,
    entity_id: int,
    action: ChangeAction,
    editor: Editor | None,
    before: Snapshot | None = None,
    after: Snapshot | None = None,
) -> ChangeRecord:
    row = ChangeRecord(
        entity=entity,
        entity_id=entity_id,
        action=action,
        changes=field_changes(before, after),
        actor=(editor.username if editor else "")[:64],
        department_id=editor.department_id if editor else None,
    )
    session.add(row)
    await session.flush()
    return row


class Recorded(Protocol):
    id: int | None


async def save(
    session: AsyncSession,
    row: Recorded,
    *,
    entity: ChangedEntity,
    action: ChangeAction,
    editor: Editor | None,
    before: Snapshot | None = None,
    after: Snapshot,
) -> None:
    """Write ``row`` (a section, person, matter …) and record the change in its history."""
    session.add(row)
    await session.flush()
    await record(
        session,
        entity=entity,
        entity_id=row.id or 0,
        action=action,
        editor=editor,
        before=before,
        after=after,
    )


async def history_of(
    *, session: AsyncSession, entity: ChangedEntity, ids: Sequence[int]
) -> list[list[ChangeRecord]]:
    """Each object's changes, newest first (one statement for any number of objects)."""
    return await fetch_many_per_key(
        session,
        ChangeRecord,
        ChangeRecord.entity_id,
        ids,
        where=[ChangeRecord.entity == entity],
        order_by=[col(ChangeRecord.id).desc()],
    )
