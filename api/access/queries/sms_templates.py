"""SMS templates in the graph: list (with placeholders and a preview) and edit; administrators."""

from __future__ import annotations

import strawberry

from api.access.types.sms_templates import (
    SmsTemplate,
)
from api.core import sms_templates
from api.core.authz import requires
from api.core.kit import Info


@strawberry.type
class SmsTemplateQuery:
    @strawberry.field(
        description="短信模板（系统管理员）", extensions=requires("sms_template", "admin")
    )
    async def sms_templates(self, info: Info) -> list[SmsTemplate]:
        rows = await sms_templates.all_templates(info.context.session)
        return [SmsTemplate.of(t) for t in rows]
