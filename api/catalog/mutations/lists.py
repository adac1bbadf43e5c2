"""Mutation fields of the linkage list. Expected failures come back as typed data."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import strawberry

from api.catalog import services
from api.catalog.inputs import (
    AddPositionInput,
    CreatePersonInput,
    CreateSectionInput,
    LinkageInput,
    SetLiaisonInput,
    UpdateMatterInput,
    UploadBasisDocumentInput,
)
from api.catalog.services import linkages, publication, workbook
from api.catalog.services.history import Editor
from api.catalog.types import (
    BasisDocument,
    BasisDocumentResult,
    DeletedLinkage,
    DeleteLinkageResult,
    ImportRowError,
    Liaison,
    LiaisonResult,
    Linkage,
    LinkageImportErrors,
    LinkageImportResult,
    LinkageImportSummary,
    LinkageListVersion,
    LinkageResult,
    Matter,
    Person,
    PersonResult,
    PositionResult,
    PublishResult,
    Section,
    SectionResult,
    UpdateMatterResult,
)
from api.core.authz import requires
from api.core.errors import ValidationFailed, parse_id
from api.core.files import decode_upload
from api.core.kit import Info, validation_result

T = TypeVar("T")


def _username(info: Info) -> str:
    return str(info.context.require_principal().username)


def _editor(info: Info) -> Editor:
    return Editor.of(_username(info), info.context.scope)


async def _on_linkage(info: Info, id: strawberry.ID, step: Callable[..., Awaitable[T]]) -> T:  # noqa: A002
    """One step of a linkage's life (submit, confirm, delete, request removal) by the caller."""
    return await step(
        session=info.context.session,
        linkage_id=parse_id(id, "id"),
        scope=info.context.scope,
        editor=_editor(info),
    )


@strawberry.type
class LinkageListMutation:
    @strawberry.mutation(
        description="修改事项（本部门；保留修改历史）", extensions=requires("matter", "write")
    )
    @validation_result
    async def update_matter(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        input: UpdateMatterInput,  # noqa: A002
    ) -> UpdateMatterResult:
        row = await services.update_matter(
            session=info.context.session,
            matter_id=parse_id(id, "id"),
            data=input.to_model(),
            scope=info.context.scope,
            editor=_editor(info),
        )
        return Matter.from_row(row)

    @strawberry.mutation(
        description="新建科（股）室（本部门）", extensions=requires("person", "write")
    )
    @validation_result
    async def create_section(
        self,
        info: Info,
        input: CreateSectionInput,  # noqa: A002
    ) -> SectionResult:
        row = await services.create_section(
            session=info.context.session,
            data=input.to_model(),
            scope=info.context.scope,
            editor=_editor(info),
        )
        return Section.from_row(row)

    @strawberry.mutation(description="新建人员（本部门）", extensions=requires("person", "write"))
    @validation_result
    async def create_person(
        self,
        info: Info,
        input: CreatePersonInput,  # noqa: A002
    ) -> PersonResult:
        row = await services.create_person(
            session=info.context.session,
            data=input.to_model(),
            scope=info.context.scope,
            editor=_editor(info),
        )
        return Person.from_row(row)

    @strawberry.mutation(
        description=(
            "人员在本部门某科（股）室兼任（如部门负责人同时为两个科室的责任人）；"
            "返回该人员，positions 列出其全部任职"
        ),
        extensions=requires("person", "write"),
    )
    @validation_result
    async def add_position(
        self,
        info: Info,
        input: AddPositionInput,  # noqa: A002
    ) -> PositionResult:
        row = await services.add_position(
            session=info.context.session,
            person_id=parse_id(input.person_id, "personId"),
            section_id=parse_id(input.section_id, "sectionId"),
            title=input.title,
            scope=info.context.scope,
            editor=_editor(info),
        )
        person = await info.context.loaders.person.load(row.person_id)
        return Person.from_row(person)

    @strawberry.mutation(
        description="指定或变更本部门的推送 / 接收联络员（记录变更日期）",
        extensions=requires("person", "write"),
    )
    @validation_result
    async def set_liaison(
        self,
        info: Info,
        input: SetLiaisonInput,  # noqa: A002
    ) -> LiaisonResult:
        row = await services.set_liaison(
            session=info.context.session,
            department_id=parse_id(input.department_id, "departmentId"),
            kind=input.kind,
            person_id=parse_id(input.person_id, "personId"),
            since=input.since,
            recorded_by=_username(info),
            scope=info.context.scope,
        )
        return Liaison.from_row(row)

    @strawberry.mutation(
        description="上传依据文件（委托书 / 工作交付书 / 工作备忘录；PDF 或图片，base64）",
        extensions=requires("linkage", "write"),
    )
    @validation_result
    async def upload_basis_document(
        self,
        info: Info,
        input: UploadBasisDocumentInput,  # noqa: A002
    ) -> BasisDocumentResult:
        content = decode_upload(input.content_base64, "contentBase64")
        row = await linkages.upload_basis_document(
            session=info.context.session,
            data=input.to_model(),
            content=content,
            file_name=input.file_name,
            department_id=info.context.scope.department_id,
        )
        return BasisDocument.from_row(row)

    @strawberry.mutation(
        description=(
            "新建联动事项（由审批部门填报，待监管部门确认；draft 为 true 时先存为草稿，"
            "submitLinkage 后再请监管部门确认）"
        ),
        extensions=requires("linkage", "write"),
    )
    @validation_result
    async def create_linkage(
        self,
        info: Info,
        input: LinkageInput,  # noqa: A002
        draft: bool = False,
    ) -> LinkageResult:
        row = await linkages.create_linkage(
            session=info.context.session,
            data=input.to_model(),
            scope=info.context.scope,
            editor=_editor(info),
            draft=draft,
        )
        return Linkage.from_row(row)

    @strawberry.mutation(
        description="修改联动事项（审批部门；修改后须监管部门重新确认）",
        extensions=requires("linkage", "write"),
    )
    @validation_result
    async def update_linkage(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
        input: LinkageInput,  # noqa: A002
    ) -> LinkageResult:
        row, _ = await linkages.update_linkage(
            session=info.context.session,
            linkage_id=parse_id(id, "id"),
            data=input.to_model(),
            scope=info.context.scope,
            editor=_editor(info),
        )
        return Linkage.from_row(row)

    @strawberry.mutation(
        description="提交草稿（审批部门；提交后待监管部门确认）",
        extensions=requires("linkage", "write"),
    )
    @validation_result
    async def submit_linkage(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> LinkageResult:
        return Linkage.from_row(await _on_linkage(info, id, linkages.submit_linkage))

    @strawberry.mutation(
        description=(
            "删除联动事项（审批部门；仅限未发布的，已在发布清单中的返回 PUBLISHED，"
            "请改用 requestLinkageRemoval）"
        ),
        extensions=requires("linkage", "write"),
    )
    @validation_result
    async def delete_linkage(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> DeleteLinkageResult:
        deleted = await _on_linkage(info, id, linkages.delete_linkage)
        return DeletedLinkage(id=strawberry.ID(str(deleted)))

    @strawberry.mutation(
        description="标记联动事项在下一版本中移除（审批部门；已发布的版本仍保留它）",
        extensions=requires("linkage", "write"),
    )
    @validation_result
    async def request_linkage_removal(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> LinkageResult:
        return Linkage.from_row(await _on_linkage(info, id, linkages.request_removal))

    @strawberry.mutation(
        description="监管部门确认联动事项", extensions=requires("linkage", "confirm")
    )
    @validation_result
    async def confirm_linkage(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> LinkageResult:
        return Linkage.from_row(await _on_linkage(info, id, linkages.confirm_linkage))

    @strawberry.mutation(
        description="导入联动事项清单 Excel（base64；全部通过才写入，否则逐行返回错误）",
        extensions=requires("linkage", "import"),
    )
    async def import_linkages(self, info: Info, content_base64: str) -> LinkageImportResult:
        try:
            data = decode_upload(content_base64, "contentBase64")
            summary = await workbook.import_workbook(
                session=info.context.session,
                data=data,
                scope=info.context.scope,
                editor=_editor(info),
            )
        except ValidationFailed as exc:
            return LinkageImportErrors(
                errors=[
                    ImportRowError(row=0, column=i.field, code=i.code, message=i.message)
                    for i in exc.issues
                ]
            )
        except workbook.ImportRejected as exc:
            return LinkageImportErrors(
                errors=[
                    ImportRowError(row=i.row, column=i.column, code=i.code, message=i.message)
                    for i in exc.issues
                ]
            )
        return LinkageImportSummary(
            created=summary.created,
            updated=summary.updated,
            unchanged=summary.unchanged,
            awaiting_confirmation_linkage_ids=[
                strawberry.ID(str(i)) for i in summary.awaiting_confirmation
            ],
        )

    @strawberry.mutation(
        description="发布联动事项清单（协调办；须填写发布说明；冻结为新版本并通知审批子图）",
        extensions=requires("linkage", "publish"),
    )
    @validation_result
    async def publish_linkage_list(self, info: Info, summary: str) -> PublishResult:
        row = await publication.publish(
            session=info.context.session,
            published_by=_username(info),
            summary=summary,
            department_id=info.context.scope.department_id,
        )
        return LinkageListVersion.from_row(row)
