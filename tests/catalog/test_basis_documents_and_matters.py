"""Basis documents: type checked by content, stored by hash. Matters: edits keep history."""

import base64
import hashlib
from datetime import date

import pytest

from api.catalog import services
from api.catalog.loaders import CatalogLoaders
from api.catalog.models import MatterStatus, MatterUpdate
from api.catalog.schema import schema
from api.core.clock import local_today
from api.core.errors import ValidationFailed
from api.core.files import default_store
from tests import factories
from tests.graphql import run

UPLOAD = """
mutation Up($input: UploadBasisDocumentInput!) {
  uploadBasisDocument(input: $input) {
    __typename
    ... on BasisDocument { kind number signedOn parties fileName contentType size sha256 }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""


@pytest.fixture
async def clerk(session, authorizer):
    dept = await factories.department(session)
    return await factories.user(session, authorizer, role="approval_clerk", dept=dept)


async def _upload(session, authorizer, clerk, content: bytes, number: str, name: str):
    result = await run(
        schema,
        CatalogLoaders,
        UPLOAD,
        session=session,
        authorizer=authorizer,
        principal=clerk,
        variables={
            "input": {
                "kind": "ENTRUSTMENT",
                "number": number,
                "signedOn": "2026-03-01",
                "parties": "市审批局、县审批局",
                "fileName": name,
                "contentBase64": base64.b64encode(content).decode(),
            }
        },
    )
    assert result.errors is None
    return result.data["uploadBasisDocument"]


async def test_a_pdf_is_stored_under_its_content_hash(session, authorizer, clerk):
    pdf = factories.pdf_bytes()
    digest = hashlib.sha256(pdf).hexdigest()

    answer = await _upload(session, authorizer, clerk, pdf, "益审委〔2026〕1号", "委托书.pdf")

    assert answer == {
        "__typename": "BasisDocument",
        "kind": "ENTRUSTMENT",
        "number": "益审委〔2026〕1号",
        "signedOn": "2026-03-01",
        "parties": "市审批局、县审批局",
        "fileName": "委托书.pdf",
        "contentType": "application/pdf",
        "size": len(pdf),
        "sha256": digest,
    }
    assert await default_store().get(digest) == pdf


async def test_a_file_is_judged_by_content_not_by_name(session, authorizer, clerk):
    answer = await _upload(
        session, authorizer, clerk, b"MZ\x90\x00 not really a pdf", "益审委〔2026〕2号", "x.pdf"
    )
    assert answer == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "contentBase64",
                "code": "FILE_TYPE",
                "message": "仅支持 PDF、PNG 或 JPEG 文件",
            }
        ],
    }


async def test_editing_a_matter_keeps_its_history(session, authorizer):
    dept = await factories.department(session)
    matter = await factories.matter(session, dept, name="旧名称")
    head = await factories.user(
        session, authorizer, role="department_head", dept=dept, display_name="王敏"
    )
    update = """
    mutation U($id: ID!, $input: UpdateMatterInput!) {
      updateMatter(id: $id, input: $input) {
        __typename
        ... on Matter {
          name status approvalCategory
          history { action actor actorName departmentId changes { field before after } }
        }
        ... on ValidationErrors { errors { field code message } }
      }
    }
    """

    async def edit(principal, **changes):
        result = await run(
            schema,
            CatalogLoaders,
            update,
            session=session,
            authorizer=authorizer,
            principal=principal,
            variables={"id": str(matter.id), "input": changes},
        )
        assert result.errors is None
        return result.data["updateMatter"]

    await edit(head, name="新名称")
    assert await edit(head, status="REPEALED") == {
        "__typename": "Matter",
        "name": "新名称",
        "status": "REPEALED",
        "approvalCategory": "LICENSING",
        "history": [
            {
                "action": "UPDATED",
                "actor": head.username,
                "actorName": "王敏",
                "departmentId": str(dept.id),
                "changes": [
                    {"field": "status", "before": "IN_FORCE", "after": "REPEALED"},
                    {"field": "repealedOn", "before": None, "after": local_today().isoformat()},
                ],
            },
            {
                "action": "UPDATED",
                "actor": head.username,
                "actorName": "王敏",
                "departmentId": str(dept.id),
                "changes": [{"field": "name", "before": "旧名称", "after": "新名称"}],
            },
            {
                "action": "CREATED",
                "actor": "",
                "actorName": "",
                "departmentId": None,
                "changes": [
                    {"field": "code", "before": None, "after": matter.code},
                    {"field": "name", "before": None, "after": "旧名称"},
                    {"field": "kind", "before": None, "after": "APPROVAL"},
                    {"field": "legalBasis", "before": None, "after": matter.legal_basis},
                    {"field": "approvalCategory", "before": None, "after": "LICENSING"},
                    {"field": "status", "before": None, "after": "IN_FORCE"},
                ],
            },
        ],
    }
    other = await factories.department(session)
    stranger = await factories.user(session, authorizer, role="department_head", dept=other)
    assert await edit(stranger, name="越权") == {
        "__typename": "ValidationErrors",
        "errors": [{"field": "id", "code": "NOT_FOUND", "message": "事项不存在或不属于本部门"}],
    }


async def test_a_repealed_matter_keeps_its_repeal_date(session):
    dept = await factories.department(session)
    matter = await factories.matter(session, dept)
    repealed = await services.update_matter(
        session=session,
        matter_id=matter.id,
        data=MatterUpdate(status=MatterStatus.REPEALED, repealed_on=date(2026, 11, 30)),
    )
    assert (repealed.status, repealed.repealed_on) == ("REPEALED", date(2026, 11, 30))
    restored = await services.update_matter(
        session=session, matter_id=matter.id, data=MatterUpdate(status=MatterStatus.IN_FORCE)
    )
    assert (restored.status, restored.repealed_on) == ("IN_FORCE", None)
    with pytest.raises(ValidationFailed) as refused:
        await services.update_matter(
            session=session, matter_id=matter.id, data=MatterUpdate(repealed_on=date(2026, 1, 1))
        )
    assert [(i.field, i.code) for i in refused.value.issues] == [("repealedOn", "NOT_REPEALED")]
