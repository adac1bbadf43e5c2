"""Input types of the access subgraph."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from api.access import services
from api.access.types import AuditAction, AuditOutcome
from api.core import audit


@strawberry.input(description="权限规则：角色在部门（* 为所有部门）对对象的操作")
class PermissionInput:
    role: str
    department_id: str
    object: str
    action: str

    def to_rule(self) -> services.Rule:
        return services.permission(self.role, self.department_id, self.object, self.action)


@strawberry.input(description="角色分配")
class RoleAssignmentInput:
    username: str
    role: str
    department_id: str

    def to_rule(self) -> services.Rule:
        return services.assignment(self.username, self.role, self.department_id)


@strawberry.input(description="新建账号（人员账号须在首次登录时修改初始密码）")
class CreateAccountInput:
    username: str
    display_name: str
    initial_password: str
    service_account: bool = False


@strawberry.input(description="审计记录筛选")
class AuditFilterInput:
    actor: str | None = None
    department_id: str | None = None
    action: AuditAction | None = None
    outcome: AuditOutcome | None = None
    since: datetime | None = None
    until: datetime | None = None

    def to_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(
            actor=self.actor,
            department_id=self.department_id,
            action=self.action,
            outcome=self.outcome,
            since=self.since,
            until=self.until,
        )


@strawberry.input(description="设置节假日或调休上班日；kind 为空表示恢复为普通日")
class SetCalendarDayInput:
    day: date
    kind: str | None = None
    name: str = ""
