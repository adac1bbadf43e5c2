"""Uploads up to the documented 10 MB pass through the gateway (base64 in the JSON body);
a larger file is refused by the service with a typed error naming the file field."""

from __future__ import annotations

import base64
import itertools

from api.core.files import MAX_UPLOAD_BYTES
from tests.factories import pdf_bytes

UPLOAD = """
mutation Upload($input: UploadBasisDocumentInput!) {
  uploadBasisDocument(input: $input) {
    __typename
    ... on BasisDocument { number size contentType }
    ... on ValidationErrors { errors { field code message } }
  }
}
"""

_numbers = itertools.count(1)


def _pdf_of(size: int) -> bytes:
    """A PDF (by its first bytes) padded to ``size`` bytes."""
    head = pdf_bytes()
    return head + b"%" + b"0" * (size - len(head) - 1)


def _upload(gateway, token: str, content: bytes):
    number = f"益审管上传〔2026〕{next(_numbers)}号"
    return gateway.post(
        UPLOAD,
        {
            "input": {
                "kind": "MEMORANDUM",
                "number": number,
                "signedOn": "2026-03-01",
                "parties": "市审批局、市市场监管局",
                "fileName": "备忘录.pdf",
                "contentBase64": base64.b64encode(content).decode(),
            }
        },
        token=token,
    )


def test_a_nine_megabyte_basis_document_passes_the_gateway(gateway):
    token = gateway.sign_in("spj_clerk")
    size = 9 * 1024 * 1024
    response = _upload(gateway, token, _pdf_of(size))
    assert response.status_code == 200
    assert response.json()["data"]["uploadBasisDocument"] == {
        "__typename": "BasisDocument",
        "number": response.json()["data"]["uploadBasisDocument"]["number"],
        "size": size,
        "contentType": "application/pdf",
    }


def test_an_eleven_megabyte_basis_document_is_refused_naming_the_file_field(gateway):
    token = gateway.sign_in("spj_clerk")
    response = _upload(gateway, token, _pdf_of(11 * 1024 * 1024))
    assert response.status_code == 200
    assert response.json()["data"]["uploadBasisDocument"] == {
        "__typename": "ValidationErrors",
        "errors": [
            {
                "field": "contentBase64",
                "code": "FILE_TOO_LARGE",
                "message": f"文件不得超过 {MAX_UPLOAD_BYTES // 1048576} MB",
            }
        ],
    }
