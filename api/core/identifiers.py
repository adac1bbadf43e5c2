"""The two national identifiers subjects are keyed by, checked with python-stdnum.

- Unified social credit code, GB 32100-2015 (``stdnum.cn.uscc`` check character): 18
  characters over a 31-symbol alphabet, the last one a mod-31 check character.
- Resident identity number, GB 11643-1999 (``stdnum.cn.ric``): 17 digits and an ISO 7064
  MOD 11-2 check character (0-9 or X), a birth date and an administrative region code.

stdnum's messages are English exceptions; the Chinese texts here are what users see.
``stdnum.cn.ric.validate`` also ties the region to the birth year (a district created in 1994
"did not exist" for someone born in 1985); a code is assigned where a person registers, not
where they were born, so 益阳's districts (4309xx, created 1994) would refuse everyone born
earlier. The region is therefore checked against every code the table has ever held.
"""

from __future__ import annotations

import re

from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidComponent

from api.core.clock import local_today

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_LENGTH = ID_NUMBER_LENGTH = 18
# Registration authority and category (letters allowed: A 中央军委改革和编制办公室, N 农业,
# Y 其他 — stdnum.cn.uscc.validate wants digits there, so only its check digit is used),
# six digits of region, nine of organisation code and the check character.
_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def uscc_check_char(first17: str) -> str:
    return uscc.calc_check_digit(first17)


def uscc_problem(code: str) -> str | None:
    """Return why ``code`` is not a valid USCC, or None when it is."""
    if len(code) != USCC_LENGTH:
        return "统一社会信用代码应为18位"
    if not _USCC_RE.match(code):
        return "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）"
    if uscc.calc_check_digit(code) != code[17]:
        return "统一社会信用代码校验位不正确"
    return None


def make_uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def id_check_char(first17: str) -> str:
    return ric.calc_check_digit(first17 + "0")


def _region_known(number: str) -> bool:
    """The first six digits name a region the national table has held at some time."""
    parts = numdb.get("cn/loc").info(number[:6])
    return any("county" in props for _, props in parts)


def id_number_problem(number: str) -> str | None:
    """Return why ``number`` is not a valid resident identity number, or None."""
    if (
        len(number) != ID_NUMBER_LENGTH
        or not number[:17].isdigit()
        or not number[:17].isascii()
        or number[17] not in "0123456789X"
    ):
        return "身份证号码应为17位数字加1位校验码"
    try:
        born = ric.get_birth_date(number)
    except InvalidComponent:
        return "身份证号码中的出生日期无效"
    if born > local_today():
        return "身份证号码中的出生日期无效"
    if not _region_known(number):
        return "身份证号码中的行政区划代码无效"
    if ric.calc_check_digit(number) != number[17]:
        return "身份证号码校验位不正确"
    return None


def make_id_number(first17: str) -> str:
    return first17 + id_check_char(first17)


def mask_id_number(number: str) -> str:
    """430902********1234: region code and last four stay, the birth date never leaves."""
    return number[:6] + "*" * 8 + number[-4:]


def masked_subject_code(code: str | None) -> str | None:
    """A subject code fit for any department: a resident ID number masked, a USCC as it is."""
    # Some ID numbers pass the USCC check digit too: a valid ID number is always masked.
    if code and id_number_problem(code) is None:
        return mask_id_number(code)
    return code


MOBILE_KEPT_HEAD, MOBILE_KEPT_TAIL = 3, 4


def mask_mobile(number: str) -> str:
    """138****1102: the first three and last four digits stay (short numbers: all masked)."""
    hidden = len(number) - MOBILE_KEPT_HEAD - MOBILE_KEPT_TAIL
    if hidden < 1:
        return "*" * len(number)
    return number[:MOBILE_KEPT_HEAD] + "*" * hidden + number[-MOBILE_KEPT_TAIL:]
