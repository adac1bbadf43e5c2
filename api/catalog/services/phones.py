"""Chinese telephone numbers, checked with libphonenumber's data (``phonenumbers``).

A landline is an area code and a local number (``0737-6180018``), optionally with an
extension (``0737-6180018转123``); a mobile is 11 digits (``13907370021``). Numbers are
stored in one normalised form: landlines as ``0<area>-<local>[转<ext>]``, mobiles as the 11
digits. The browser checks the same rules with ``libphonenumber-js`` and the same messages
(web/src/lib/phones.ts).
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType

OFFICE_PHONE_MESSAGE = "办公电话应为区号加本地号码（如 0737-6180018），可加分机号"
MOBILE_MESSAGE = "手机号码应为11位有效号码（如 13907370021）"

_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})\s*$", re.IGNORECASE)
_LANDLINE = {PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
_MOBILE = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _parse(text: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, "CN")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 86 or not phonenumbers.is_valid_number(number):  # noqa: PLR2004
        return None
    return number


def normalise_mobile(text: str) -> str | None:
    """The 11 digits of a valid mainland mobile number, or None."""
    digits = re.sub(r"[\s\-]", "", text.strip())
    if not re.fullmatch(r"(?:\+?86)?1\d{10}", digits):
        return None
    number = _parse(digits)
    if number is None or phonenumbers.number_type(number) not in _MOBILE:
        return None
    return str(number.national_number)


def normalise_office_phone(text: str) -> str | None:
    """A valid landline as ``0737-6180018`` (``转123`` for an extension), or a valid mobile as
    its 11 digits; None when it is neither."""
    value = text.strip()
    extension = ""
    if match := _EXTENSION.search(value):
        extension = match.group(1)
        value = value[: match.start()]
    if extension == "" and (mobile := normalise_mobile(value)):
        return mobile
    number = _parse(value)
    if number is None or phonenumbers.number_type(number) not in _LANDLINE:
        return None
    national = str(number.national_number)
    area = phonenumbers.length_of_geographical_area_code(number)
    if area <= 0:
        return None
    local = f"0{national[:area]}-{national[area:]}"
    return f"{local}转{extension}" if extension else local
