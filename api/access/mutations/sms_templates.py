"""SMS templates in the graph: list (with placeholders and a preview) and edit; administrators."""

from __future__ import annotations

import strawberry

from api.access.types.sms_templates import (
    SmsTemplate,
    SmsTemplateInput,
    SmsTemplateResult,
)
from api.core import sms_templates
from api.core.authz import requires
from api.core.kit import Info, validation_result


@strawberry.type
class SmsTemplateMutation:
    @strawberry.mutation(
        description="修改短信模板（未知占位符被拒绝）",
        extensions=requires("sms_template", "admin"),
    )
    @validation_result
    async def update_sms_template(
        self,
        info: Info,
        input: SmsTemplateInput,  # noqa: A002
    ) -> SmsTemplateResult:
        saved = await sms_templates.save(
            info.context.session,
            purpose=sms_templates.SmsPurpose(input.purpose),
            text=input.text,
            provider_code=input.provider_code,
            actor=info.context.principal.username,
        )
        return SmsTemplate.of(saved)
