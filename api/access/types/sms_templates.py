"""SMS templates in the graph: list (with placeholders and a preview) and edit; administrators."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from api.core import sms_templates
from api.core.errors import ValidationErrors
from api.core.kit import Info, person_name

SmsPurpose = sms_templates.SmsPurpose
strawberry.enum(SmsPurpose, description="短信用途：推送提醒 / 超期提醒 / 黄牌红牌预警")


@strawberry.type(description="短信模板中可用的占位符")
class SmsPlaceholder:
    name: str
    description: str
    sample: str = strawberry.field(description="预览用示例值")


@strawberry.type(description="短信模板（中文内容含 {占位符}；服务商模板编码供 HTTP 通道使用）")
class SmsTemplate:
    purpose: SmsPurpose
    title: str
    provider_code: str
    text: str
    default_text: str
    placeholders: list[SmsPlaceholder]
    preview: str = strawberry.field(description="以示例值填充的短信内容")
    is_default: bool = strawberry.field(description="仍为内置默认模板（未被修改）")
    updated_at: datetime | None
    updated_by: str

    @strawberry.field(description="修改人姓名（内置默认模板为空）")
    async def updated_by_name(self, info: Info) -> str:
        return await person_name(info, self.updated_by)

    @classmethod
    def of(cls, tpl: sms_templates.SmsTemplate) -> SmsTemplate:
        purpose = sms_templates.PURPOSES[tpl.purpose]
        return cls(
            purpose=tpl.purpose,
            title=purpose.title,
            provider_code=tpl.provider_code,
            text=tpl.text,
            default_text=purpose.default_text,
            placeholders=[
                SmsPlaceholder(name=p.name, description=p.description, sample=p.sample)
                for p in purpose.placeholders
            ],
            preview=tpl.preview(),
            is_default=tpl.is_default,
            updated_at=tpl.updated_at,
            updated_by=tpl.updated_by,
        )


SmsTemplateResult = Annotated[SmsTemplate | ValidationErrors, strawberry.union("SmsTemplateResult")]


@strawberry.input(description="修改短信模板")
class SmsTemplateInput:
    purpose: SmsPurpose
    text: str
    provider_code: str
