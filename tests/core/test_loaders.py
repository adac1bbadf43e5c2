"""The shared DataLoaders of api/core/loaders.py."""

from __future__ import annotations

from api.core.auth import create_user
from api.core.loaders import display_name_loader
from tests.factories import PASSWORD


async def test_people_are_shown_by_name_and_an_unknown_account_keeps_its_name(session):
    await create_user(session=session, username="zm_clerk", display_name="周敏", password=PASSWORD)

    names = await display_name_loader(session).load_many(["zm_clerk", "gone", "zm_clerk"])

    assert names == ["周敏", "gone", "周敏"]
