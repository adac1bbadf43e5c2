"""SMS templates: the Chinese text of each reminder, with placeholders, kept in the database.

Each purpose (push, overdue, escalation card) has a built-in default (the text the platform
always sent) and may be replaced by an administrator. A template names the provider's
template code too (``SHENGUAN_SMS_TEMPLATE_*`` until an administrator sets one), so the HTTP
sender keeps sending the provider's code and parameters while every sender records — and the
HTTP sender transmits — the text rendered here. Placeholders are ``{name}``; a text may use
only the placeholders of its purpose (refused otherwise, naming ``text``).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from api.core.config import Settings, get_settings
from api.core.errors import FieldIssue, ValidationFailed
from api.core.events import BATCH_CACHE
from api.core.models import utcnow

MAX_TEXT = 300
PROVIDER_CODE = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")


class SmsPurpose(StrEnum):
    PUSH = "PUSH"
    OVERDUE = "OVERDUE"
    ESCALATION = "ESCALATION"


class SmsTemplateRow(SQLModel, table=True):
    """An administrator's template for one purpose (absent: the built-in default)."""

    __tablename__ = "core_sms_template"

    purpose: str = Field(primary_key=True, max_length=32)
    provider_code: str = Field(max_length=64)
    text: str = Field(max_length=MAX_TEXT)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by: str = Field(default="", max_length=64)


@dataclass(frozen=True)
class Placeholder:
    name: str
    description: str
    sample: str


@dataclass(frozen=True)
class Purpose:
    title: str
    placeholders: tuple[Placeholder, ...]
    default_text: str

    def names(self) -> list[str]:
        return [p.name for p in self.placeholders]


_APPLICANT = Placeholder("applicant", "申请人名称", "益阳市资江食品有限公司")
_MATTER = Placeholder("matter", "事项名称", "食品经营许可")
_CODE = Placeholder("code", "监管码", "7KQ2M9XA")

PURPOSES: dict[SmsPurpose, Purpose] = {
    SmsPurpose.PUSH: Purpose(
        "审批信息推送提醒（发给接收联络员）",
        (
            _APPLICANT,
            _MATTER,
            Placeholder("stage", "环节（受理 / 办结）", "办结"),
            Placeholder("action", "认领要求（含认领期限，或“已自动认领”）", "请于2026-12-01前认领"),
            _CODE,
        ),
        "【审管联动】{applicant}的“{matter}”已{stage}，审批信息已推送至贵单位，{action}。"
        "监管码{code}",
    ),
    SmsPurpose.OVERDUE: Purpose(
        "认领或反馈超期提醒（发给接收联络员）",
        (_APPLICANT, _MATTER, Placeholder("what", "超期的环节（认领 / 反馈）", "认领")),
        "【审管联动】{applicant}的“{matter}”推送已超过{what}期限，请尽快办理。",
    ),
    SmsPurpose.ESCALATION: Purpose(
        "黄牌 / 红牌预警（发给接收联络员，红牌也发部门负责人）",
        (
            _APPLICANT,
            _MATTER,
            Placeholder("what", "环节（认领 / 反馈）", "反馈"),
            Placeholder("elapsed", "已用工作小时", "36"),
            Placeholder("limit", "时限工作小时", "40"),
            Placeholder("color", "牌色（黄牌 / 红牌）", "红牌"),
            Placeholder("due", "期限日期", "2026-12-01"),
            _CODE,
        ),
        "【审管联动】{applicant}的“{matter}”推送{what}时限已用{elapsed}/{limit}工作小时，"
        "亮{color}，期限{due}。监管码{code}",
    ),
}


# The message key's prefix names the reminder it was rendered for (``api.approval.handlers``):
# a 容缺 material past its date is sent with the overdue template.
_KEY_PURPOSES = {
    "push": SmsPurpose.PUSH,
    "overdue": SmsPurpose.OVERDUE,
    "missing": SmsPurpose.OVERDUE,
    "card": SmsPurpose.ESCALATION,
}


def purpose_of_key(key: str) -> SmsPurpose | None:
    """The template purpose a recorded message was rendered from (None: not a known reminder)."""
    return _KEY_PURPOSES.get(key.split(":", 1)[0])


def default_provider_code(purpose: SmsPurpose, settings: Settings | None = None) -> str:
    settings = settings or get_settings()
    return {
        SmsPurpose.PUSH: settings.sms_template_push,
        SmsPurpose.OVERDUE: settings.sms_template_overdue,
        SmsPurpose.ESCALATION: settings.sms_template_escalation,
    }[purpose]


@dataclass(frozen=True)
class SmsTemplate:
    purpose: SmsPurpose
    provider_code: str
    text: str
    updated_at: datetime | None
    updated_by: str

    @property
    def is_default(self) -> bool:
        return self.updated_at is None

    def render(self, values: dict[str, str]) -> str:
        return render(self.text, values)

    def preview(self) -> str:
        return render(self.text, {p.name: p.sample for p in PURPOSES[self.purpose].placeholders})


def placeholders_in(text: str) -> list[str]:
    """The placeholder names of ``text`` in order; ``ValueError`` for a malformed brace."""
    return [name for _, name, spec, conv in string.Formatter().parse(text) if name is not None]


def render(text: str, values: dict[str, str]) -> str:
    """Fill the placeholders (a missing value renders empty; never raises on a checked text)."""
    return "".join(
        literal + (str(values.get(name, "")) if name is not None else "")
        for literal, name, _spec, _conv in string.Formatter().parse(text)
    )


def check(purpose: SmsPurpose, text: str, provider_code: str) -> None:
    issues: list[FieldIssue] = []
    allowed = PURPOSES[purpose].names()
    if not text.strip():
        issues.append(FieldIssue("text", "REQUIRED", "请填写短信内容"))
    elif len(text) > MAX_TEXT:
        issues.append(FieldIssue("text", "TOO_LONG", f"短信内容不能超过{MAX_TEXT}字"))
    else:
        try:
            used = placeholders_in(text)
        except ValueError:
            issues.append(FieldIssue("text", "INVALID_TEMPLATE", "花括号不成对：占位符写作 {名称}"))
        else:
            unknown = [n for n in dict.fromkeys(used) if n not in allowed]
            if unknown:
                names = "、".join(f"{{{n}}}" for n in unknown)
                issues.append(
                    FieldIssue(
                        "text",
                        "UNKNOWN_PLACEHOLDER",
                        f"未知占位符：{names}（可用：{'、'.join(f'{{{a}}}' for a in allowed)}）",
                    )
                )
    if not PROVIDER_CODE.match(provider_code.strip()):
        issues.append(
            FieldIssue(
                "providerCode", "INVALID", "服务商模板编码须为1至64位字母、数字、下划线或连字符"
            )
        )
    if issues:
        raise ValidationFailed(issues)


def _of(purpose: SmsPurpose, row: SmsTemplateRow | None) -> SmsTemplate:
    if row is None:
        return SmsTemplate(
            purpose=purpose,
            provider_code=default_provider_code(purpose),
            text=PURPOSES[purpose].default_text,
            updated_at=None,
            updated_by="",
        )
    return SmsTemplate(
        purpose=purpose,
        provider_code=row.provider_code,
        text=row.text,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


async def all_templates(session: AsyncSession) -> list[SmsTemplate]:
    rows = {r.purpose: r for r in (await session.exec(select(SmsTemplateRow))).all()}
    return [_of(p, rows.get(p.value)) for p in SmsPurpose]


async def template(session: AsyncSession, purpose: SmsPurpose) -> SmsTemplate:
    """The template in force; read once per outbox batch (``events.BATCH_CACHE``)."""
    cache = session.info.get(BATCH_CACHE)
    key = ("sms_template", purpose)
    if cache is not None and key in cache:
        found: SmsTemplate = cache[key]
        return found
    row = (
        await session.exec(select(SmsTemplateRow).where(col(SmsTemplateRow.purpose) == purpose))
    ).first()
    found = _of(purpose, row)
    if cache is not None:
        cache[key] = found
    return found


async def save(
    session: AsyncSession, *, purpose: SmsPurpose, text: str, provider_code: str, actor: str
) -> SmsTemplate:
    check(purpose, text, provider_code)
    row = await session.get(SmsTemplateRow, purpose.value)
    if row is None:
        row = SmsTemplateRow(purpose=purpose.value, provider_code="", text="")
    row.text = text.strip()
    row.provider_code = provider_code.strip()
    row.updated_at = utcnow()
    row.updated_by = actor
    session.add(row)
    await session.flush()
    cache = session.info.get(BATCH_CACHE)
    if cache is not None:
        cache.pop(("sms_template", purpose), None)
    return _of(purpose, row)
