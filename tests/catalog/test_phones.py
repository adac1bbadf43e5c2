"""Chinese phone numbers by libphonenumber's data: the same table as web/src/lib/phones.test.ts."""

import pytest

from api.catalog.services.phones import normalise_mobile, normalise_office_phone

VALID_OFFICE_PHONES = [
    ("0737-6180018", "0737-6180018"),
    ("0737 6180018", "0737-6180018"),
    ("07376180018", "0737-6180018"),
    ("(0737)6180018", "0737-6180018"),
    ("0737-6180018转123", "0737-6180018转123"),
    ("0737-6180018 ext 12", "0737-6180018转12"),
    ("010-12345678", "010-12345678"),
    ("0731-88886666", "0731-88886666"),
    ("+86 737 618 0018", "0737-6180018"),
    ("13907370021", "13907370021"),  # a mobile is a valid office phone too
]
INVALID_OFFICE_PHONES = [
    "0737-618",  # local number too short
    "6180018",  # no area code
    "021-6218888",  # Shanghai local numbers have 8 digits
    "0737-61800181234",  # too long
    "x",
    "1390737021",  # 10 digits
]
VALID_MOBILES = [
    ("13907370021", "13907370021"),
    ("139 0737 0021", "13907370021"),
    ("139-0737-0021", "13907370021"),
    ("+86 13907370021", "13907370021"),
    ("18673700001", "18673700001"),
]
INVALID_MOBILES = [
    "1390737021",  # 10 digits
    "139073700211",  # 12 digits
    "12907370021",  # no such prefix
    "0737-6180018",  # a landline
    "abc",
]


@pytest.mark.parametrize(("text", "stored"), VALID_OFFICE_PHONES)
def test_valid_office_phones_are_stored_normalised(text, stored):
    assert normalise_office_phone(text) == stored


@pytest.mark.parametrize("text", INVALID_OFFICE_PHONES)
def test_invalid_office_phones_are_refused(text):
    assert normalise_office_phone(text) is None


@pytest.mark.parametrize(("text", "stored"), VALID_MOBILES)
def test_valid_mobiles_are_stored_as_eleven_digits(text, stored):
    assert normalise_mobile(text) == stored


@pytest.mark.parametrize("text", INVALID_MOBILES)
def test_invalid_mobiles_are_refused(text):
    assert normalise_mobile(text) is None
