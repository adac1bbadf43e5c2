"""Check digits of the two national identifiers subjects are keyed by.

- Unified social credit code, GB 32100-2015: 18 characters over a 31-symbol alphabet,
  the last one a mod-31 check character.
- Resident identity number, GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check
  character (0-9 or X).
"""

from __future__ import annotations

import re
from datetime import date

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^\d{17}[\dX]$")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """Return why ``code`` is not a valid USCC, or None when it is."""
    if len(code) != 18:  # noqa: PLR2004
        return "统一社会信用代码应为18位"
    if not _USCC_RE.match(code):
        return "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）"
    if uscc_check_char(code[:17]) != code[17]:
        return "统一社会信用代码校验位不正确"
    return None


def make_uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_problem(number: str) -> str | None:
    """Return why ``number`` is not a valid resident identity number, or None."""
    if not _ID_RE.match(number):
        return "身份证号码应为17位数字加1位校验码"
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "身份证号码中的出生日期无效"
    if id_check_char(number[:17]) != number[17]:
        return "身份证号码校验位不正确"
    return None


def make_id_number(first17: str) -> str:
    return first17 + id_check_char(first17)


def mask_id_number(number: str) -> str:
    """430902********1234: region code and last four stay, the birth date never leaves."""
    return number[:6] + "*" * 8 + number[-4:]


MOBILE_KEPT_HEAD, MOBILE_KEPT_TAIL = 3, 4


def mask_mobile(number: str) -> str:
    """138****1102: the first three and last four digits stay (short numbers: all masked)."""
    hidden = len(number) - MOBILE_KEPT_HEAD - MOBILE_KEPT_TAIL
    if hidden < 1:
        return "*" * len(number)
    return number[:MOBILE_KEPT_HEAD] + "*" * hidden + number[-MOBILE_KEPT_TAIL:]
