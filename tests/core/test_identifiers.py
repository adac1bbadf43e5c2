from api.core.identifiers import (
    id_number_problem,
    make_id_number,
    make_uscc,
    mask_id_number,
    masked_subject_code,
    uscc_problem,
)
from api.core.subject_keys import natural_person_key, subject_key


def test_published_uscc_examples_are_valid():
    # Codes printed on real business licences (GB 32100-2015 examples).
    assert uscc_problem("91350100M000100Y43") is None
    assert uscc_problem("914403001922038216") is None
    assert uscc_problem("9144030071526726XG") is None


def test_uscc_with_wrong_check_character_is_rejected():
    assert uscc_problem("91350100M000100Y44") == "统一社会信用代码校验位不正确"


def test_uscc_with_forbidden_letters_or_length_is_rejected():
    assert (
        uscc_problem("91350100M000100I43")
        == "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）"
    )
    assert uscc_problem("9135") == "统一社会信用代码应为18位"


def test_make_uscc_appends_the_check_character():
    code = make_uscc("91430900MA4L00001")
    assert len(code) == 18
    assert uscc_problem(code) is None


def test_id_number_check_digit_and_birth_date():
    assert id_number_problem("11010519491231002X") is None
    assert id_number_problem("110105194912310021") == "身份证号码校验位不正确"
    assert id_number_problem(make_id_number("11010519491331002")) == "身份证号码中的出生日期无效"


def test_masked_id_number_keeps_region_and_last_four_only():
    assert mask_id_number("430902199001011234") == "430902********1234"


def test_an_id_number_that_also_passes_the_uscc_check_is_keyed_and_masked_as_a_person():
    # 18 characters both: this resident ID number's check digit is also a valid USCC one.
    number = make_id_number("43090219900101007")
    assert uscc_problem(number) is None
    assert id_number_problem(number) is None

    assert subject_key(number) == natural_person_key(number)
    assert subject_key(number, natural_person=True) == natural_person_key(number)
    assert subject_key(number, natural_person=False) == number  # the applicant said: a USCC
    assert masked_subject_code(number) == mask_id_number(number)
