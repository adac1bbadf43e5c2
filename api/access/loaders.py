"""Per-request DataLoaders of the access subgraph: one SQL statement per batch of accounts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel.ext.asyncio.session import AsyncSession
from strawberry.dataloader import DataLoader

from api.access import services
from api.core.loaders import display_name_loader
from api.core.models import ApiKey, CasbinRule, LoginState


@dataclass
class AccessLoaders:
    session: AsyncSession
    # Role assignments (``g`` rules) by user name.
    roles: DataLoader[str, list[CasbinRule]] = field(init=False)
    # Sign-in state (lockout, last sign-in) by user id.
    login_state: DataLoader[int, LoginState | None] = field(init=False)
    # API keys (service accounts) by user id.
    api_keys: DataLoader[int, list[ApiKey]] = field(init=False)
    # People's names by account name (an account that is gone keeps its account name).
    display_name: DataLoader[str, str] = field(init=False)

    def __post_init__(self) -> None:
        async def roles(names: list[str]) -> list[list[CasbinRule]]:
            found = await services.roles_by_username(self.session, names)
            return [found.get(name, []) for name in names]

        async def states(ids: list[int]) -> list[LoginState | None]:
            found = await services.login_states(self.session, ids)
            return [found.get(i) for i in ids]

        async def keys(ids: list[int]) -> list[list[ApiKey]]:
            found = await services.api_keys_by_user(self.session, ids)
            return [found.get(i, []) for i in ids]

        self.roles = DataLoader(load_fn=roles)
        self.api_keys = DataLoader(load_fn=keys)
        self.login_state = DataLoader(load_fn=states)
        self.display_name = display_name_loader(self.session)
