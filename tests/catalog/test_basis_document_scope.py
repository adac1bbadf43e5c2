"""A basis document is read by the departments it concerns; anyone else gets not-found."""

import pytest

from api.catalog.loaders import CatalogLoaders
from api.catalog.schema import schema
from tests import factories
from tests.graphql import run

FILE = "query($id: ID!) { basisDocumentFile(id: $id) { fileName contentType } }"


@pytest.fixture
async def setting(session):
    approving = await factories.department(session)
    supervising = await factories.department(session)
    outsider = await factories.department(session)
    linkage = await factories.linkage(session, approving=approving, supervising=supervising)
    assert linkage.basis_document_id is not None
    return approving, supervising, outsider, linkage.basis_document_id


async def _file(session, authorizer, role, dept, document_id):
    """One request (a request ends the test's unit of work: make everything before it)."""
    user = await factories.user(session, authorizer, role=role, dept=dept)
    result = await run(
        schema,
        CatalogLoaders,
        FILE,
        session=session,
        authorizer=authorizer,
        principal=user,
        variables={"id": str(document_id)},
    )
    assert result.errors is None
    return result.data


@pytest.mark.parametrize(("role", "side"), [("approval_clerk", 0), ("supervision_liaison", 1)])
async def test_both_sides_of_a_linkage_download_its_basis_document(
    session, authorizer, setting, role, side
):
    *_, document_id = setting
    answer = await _file(session, authorizer, role, setting[side], document_id)
    assert answer["basisDocumentFile"]["contentType"] == "application/pdf"


async def test_a_guessed_basis_document_of_other_departments_answers_null(
    session, authorizer, setting
):
    _, _, outsider, document_id = setting
    assert await _file(session, authorizer, "approval_clerk", outsider, document_id) == {
        "basisDocumentFile": None
    }


async def test_the_coordination_office_downloads_every_basis_document(session, authorizer, setting):
    _, _, outsider, document_id = setting
    answer = await _file(session, authorizer, "coordination_office", outsider, document_id)
    assert answer["basisDocumentFile"]["contentType"] == "application/pdf"


async def test_a_department_downloads_a_document_it_uploaded_before_linking_it(session, authorizer):
    dept = await factories.department(session)
    document = await factories.basis_document(session, dept)
    answer = await _file(session, authorizer, "approval_clerk", dept, document.id)
    assert answer == {
        "basisDocumentFile": {"fileName": document.file_name, "contentType": "application/pdf"}
    }
