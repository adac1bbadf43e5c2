"""Query fields of the linkage list: people, searchable connections, export, publication."""

from __future__ import annotations

import base64
from typing import Any

import strawberry

from api.catalog import services
from api.catalog.services import linkages, publication, workbook
from api.catalog.services.linkages import LinkageFilter
from api.catalog.types import (
    Change,
    ChangedPublishedLinkage,
    Department,
    FieldChange,
    FileDownload,
    Linkage,
    LinkageConnection,
    LinkageListDiff,
    LinkageListVersion,
    Matter,
    MatterConnection,
    MatterKind,
    MatterStatus,
    PublishedLinkage,
)
from api.core.authz import public, requires
from api.core.errors import (
    ArgumentNotFoundError,
    ValidationFailed,
    parse_id,
)
from api.core.files import default_store
from api.core.kit import Info, optional_id
from api.core.pagination import Connection, Page


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


@strawberry.type
class LinkageListQuery:
    @strawberry.field(description="部门详情", extensions=requires("department", "read"))
    async def department(self, info: Info, id: strawberry.ID) -> Department | None:  # noqa: A002
        row = await info.context.loaders.department.load(parse_id(id, "id"))
        return Department.from_row(row) if row else None

    @strawberry.field(description="事项详情", extensions=requires("matter", "read"))
    async def matter(self, info: Info, id: strawberry.ID) -> Matter | None:  # noqa: A002
        row = await info.context.loaders.matter.load(parse_id(id, "id"))
        return Matter.from_row(row) if row else None

    @strawberry.field(
        description="事项检索（按中文关键词、编码、部门；Relay 分页，first 至多 100）",
        extensions=requires("matter", "read"),
    )
    async def matter_connection(
        self,
        info: Info,
        kind: MatterKind | None = None,
        department_id: strawberry.ID | None = None,
        keyword: str | None = None,
        status: MatterStatus | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> MatterConnection:
        page = Page.of(first, after)
        filters: dict[str, Any] = {
            "kind": kind,
            "department_id": optional_id(department_id, "departmentId"),
            "keyword": keyword,
            "status": status,
        }
        session = info.context.session
        rows = await services.list_matters(
            session=session, limit=page.limit, offset=page.offset, **filters
        )
        total = await services.count_matters(session=session, **filters)
        return Connection.build(rows, page=page, total=total, to_node=Matter.from_row)

    @strawberry.field(
        description="联动事项检索（本部门为审批或监管一方的；协调办全市）",
        extensions=requires("linkage", "read"),
    )
    async def linkages(
        self,
        info: Info,
        keyword: str | None = None,
        department_id: strawberry.ID | None = None,
        matter_id: strawberry.ID | None = None,
        confirmed: bool | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> LinkageConnection:
        page = Page.of(first, after)
        rows, total = await linkages.search_linkages(
            session=info.context.session,
            scope=info.context.scope,
            where=LinkageFilter(
                keyword=keyword,
                department_id=optional_id(department_id, "departmentId"),
                matter_id=optional_id(matter_id, "matterId"),
                confirmed=confirmed,
            ),
            offset=page.offset,
            limit=page.limit,
        )
        return Connection.build(rows, page=page, total=total, to_node=Linkage.from_row)

    @strawberry.field(description="联动事项详情", extensions=requires("linkage", "read"))
    async def linkage(self, info: Info, id: strawberry.ID) -> Linkage | None:  # noqa: A002
        row = await linkages.get_in_scope(
            session=info.context.session, linkage_id=parse_id(id, "id"), scope=info.context.scope
        )
        return Linkage.from_row(row) if row else None

    @strawberry.field(
        description=(
            "联动事项的变更历史（新的在前），删除后仍可查询（含删除记录）；"
            "协调办全市，部门为审批或监管一方（或曾修改过它）的；否则为空"
        ),
        extensions=requires("linkage", "read"),
    )
    async def linkage_history(
        self,
        info: Info,
        linkage_id: strawberry.ID,
    ) -> list[Change]:
        rows = await linkages.history_in_scope(
            session=info.context.session,
            linkage_id=parse_id(linkage_id, "linkageId"),
            scope=info.context.scope,
        )
        personal_data = info.context.scope.personal_data
        return [Change.from_row(r, personal_data=personal_data) for r in rows]

    @strawberry.field(
        description="导出联动事项清单 Excel（与导入格式相同；base64）",
        extensions=requires("linkage", "read"),
    )
    async def linkage_workbook(self, info: Info) -> FileDownload:
        data = await workbook.export_workbook(
            session=info.context.session, scope=info.context.scope
        )
        return FileDownload(
            file_name="审管联动事项清单.xlsx",
            content_type=workbook.XLSX_TYPE,
            content_base64=base64.b64encode(data).decode(),
        )

    @strawberry.field(
        description="下载依据文件（base64；本部门上传或本部门参与的联动事项所依据的）",
        extensions=requires("linkage", "read"),
    )
    async def basis_document_file(
        self,
        info: Info,
        id: strawberry.ID,  # noqa: A002
    ) -> FileDownload | None:
        row = await linkages.basis_document_in_scope(
            session=info.context.session, document_id=parse_id(id, "id"), scope=info.context.scope
        )
        if row is None:
            return None
        data = await default_store().get(row.file_sha256)
        if data is None:
            return None
        return FileDownload(
            file_name=row.file_name,
            content_type=row.content_type,
            content_base64=base64.b64encode(data).decode(),
        )

    @strawberry.field(
        description=(
            "公开的审管联动事项清单：最新版本（尚未发布时为 null），或指定版本号"
            "（不存在的版本号：NOT_FOUND 错误，argument 为 version；无需登录）"
        ),
        extensions=public(),
    )
    async def published_linkage_list(
        self, info: Info, version: int | None = None
    ) -> LinkageListVersion | None:
        session = info.context.session
        if version is None:
            latest = await publication.latest_version(session=session)
            return LinkageListVersion.from_row(latest) if latest else None
        row = await publication.version_by_number(session=session, number=version)
        if row is None:
            raise ArgumentNotFoundError("version", f"清单第 {version} 版不存在")
        return LinkageListVersion.from_row(row)

    @strawberry.field(
        description=(
            "任意两个已发布版本之间的差异：新增、移除、字段变更（公开字段；"
            "不存在的版本号：NOT_FOUND 错误，argument 为 base / target；无需登录）"
        ),
        extensions=public(),
    )
    async def linkage_list_diff(self, info: Info, base: int, target: int) -> LinkageListDiff:
        try:
            found = await publication.compare(
                session=info.context.session, base=base, target=target
            )
        except ValidationFailed as exc:
            issue = exc.issues[0]
            raise ArgumentNotFoundError(issue.field, issue.message) from None
        return LinkageListDiff(
            base=base,
            target=target,
            added=[PublishedLinkage.from_entry(e) for e in found.added],
            removed=[PublishedLinkage.from_entry(e) for e in found.removed],
            changed=[
                ChangedPublishedLinkage(
                    linkage_id=strawberry.ID(str(c.linkage_id)),
                    before=PublishedLinkage.from_entry(c.before),
                    after=PublishedLinkage.from_entry(c.after),
                    changes=[
                        FieldChange(
                            field=_camel(f.field), before=_text(f.before), after=_text(f.after)
                        )
                        for f in c.changes
                    ],
                )
                for c in found.changed
            ],
        )

    @strawberry.field(description="公开清单的全部版本（新的在前，无需登录）", extensions=public())
    async def published_linkage_list_versions(self, info: Info) -> list[LinkageListVersion]:
        rows = await publication.list_versions(session=info.context.session)
        return [LinkageListVersion.from_row(r) for r in rows]
