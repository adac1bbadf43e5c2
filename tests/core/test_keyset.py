"""The keyset page's size rule (api/core/pagination.py); the pages themselves are tested through
the lists that use them (approval's inbox, supervision's notices, …)."""

from __future__ import annotations

import pytest

from api.core.errors import ValidationFailed
from api.core.pagination import MAX_PAGE, page_size


def test_a_page_size_from_zero_to_the_maximum_is_taken_as_asked():
    assert page_size(0) == 0
    assert page_size(MAX_PAGE) == MAX_PAGE


@pytest.mark.parametrize("first", [-1, MAX_PAGE + 1])
def test_a_page_size_outside_the_range_fails_naming_first(first):
    with pytest.raises(ValidationFailed) as failed:
        page_size(first)
    (issue,) = failed.value.issues
    assert (issue.field, issue.code) == ("first", "OUT_OF_RANGE")
