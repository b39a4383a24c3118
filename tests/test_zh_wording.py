"""What a Chinese reader reads: a field's message and a list of words with Chinese punctuation
(数量：不能为零, 在用、停用) through the shipped translation, English as it always was; the .ts
file free of ASCII punctuation inside Chinese sentences, and one word (备件) for a part."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from conftest import make_actor
from PySide6.QtCore import QTranslator

from outletdesk.core.equipment.importer import EquipmentImporter
from outletdesk.core.errors import ValidationError
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import Role
from outletdesk.ui.errors import error_text, translate_core
from outletdesk.ui.i18n import labelled, listed

TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "outletdesk_zh_CN.ts"


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


def _refused_adjustment(services, manager) -> ValidationError:
    part, _ = services.catalogue.create_part(manager, PartInput("SCR-IP12", "Screen"))
    with pytest.raises(ValidationError) as refused:
        services.stock.adjust(manager, part.id, 0, "miscounted")
    return refused.value


def _status_problem(services, manager, tmp_path):
    """The import's refusal of a status it does not know, naming the four it accepts."""
    book = openpyxl.Workbook()
    category = services.equipment.categories(manager)[0].name
    for row in (["Name", "Category", "Status"], ["Drill", category, "broken"]):
        book.active.append(row)
    book.save(tmp_path / "register.xlsx")
    report = EquipmentImporter(services.db).dry_run(manager, tmp_path / "register.xlsx")
    (problem,) = report.problems
    return problem


def test_a_fields_message_and_a_word_list_use_chinese_punctuation(
    chinese, services, manager, tmp_path
):
    assert error_text(_refused_adjustment(services, manager)) == "数量：不能为零。"
    status = _status_problem(services, manager, tmp_path).message(translate_core)
    assert status == "“broken”不在可选范围内：在用、停用、维修中、已报废。"
    assert labelled("A", "名称") == "A：名称" and listed(["WO-1", "WO-2"]) == "WO-1、WO-2"


def test_english_reads_as_before(services, manager, tmp_path):
    assert error_text(_refused_adjustment(services, manager)) == "Quantity: must not be zero."
    status = _status_problem(services, manager, tmp_path).message(translate_core)
    assert status == "“broken” is not one of: In service, Out of service, Under repair, Retired."
    assert labelled("A", "Name") == "A: Name" and listed(["WO-1", "WO-2"]) == "WO-1, WO-2"


# ---------------------------------------------------------------- the .ts file

HAN = r"\u4e00-\u9fff"
# ASCII punctuation touching Chinese, or ASCII brackets around Chinese (e.g. "停机 (小时)").
ASCII_IN_CHINESE = re.compile(rf"[{HAN}][ ]?[:,;?!()]|[:,;?!()][ ]?[{HAN}]|\([^()]*[{HAN}][^()]*\)")
# What may stay ASCII, and why.
ALLOWED = [
    (r"\(&\w\)", "an accelerator: Qt and Windows write 保存(&S) in Chinese too"),
    (r"\([^()]*\*[^()]*\)", "a file dialog's patterns (*.xlsx): QFileDialog reads them"),
    (r";;", "the separator between a file dialog's filters"),
    (r"标有 \? 的", "the ? the totals show beside a wrong amount, quoted"),
    (r"用 ; 分隔", "the ; to type between barcodes, quoted"),
    (r"\+ - \( \)", "the characters a phone number may hold, quoted"),
    (r"HH:MM:SS", "a time's format"),
    (r"“phone: 12”", "a line as it is typed"),
]


def _translations():
    for ctx in ET.parse(TS).getroot().iter("context"):
        for m in ctx.iter("message"):
            tr = m.find("translation")
            for text in [tr.text or ""] + [f.text or "" for f in tr.iter("numerusform")]:
                yield ctx.findtext("name"), m.findtext("source"), text


def test_no_ascii_punctuation_inside_chinese_sentences():
    wrong = []
    for context, source, text in _translations():
        bare = re.sub(r"\{[^}]*\}", "X", text)  # placeholders are not punctuation
        for pattern, _why in ALLOWED:
            bare = re.sub(pattern, "", bare)
        if ASCII_IN_CHINESE.search(bare):
            wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_what_it_should():
    for text in ("数量: 不能为负", "在用, 停用", "停机 (小时)", "库存不足 (X)"):
        assert ASCII_IN_CHINESE.search(text), text
    for text in ("数量：不能为负", "在用、停用", "停机（小时）", "WO-1, WO-2", "{value!r}：X"):
        assert not ASCII_IN_CHINESE.search(re.sub(r"\{[^}]*\}", "X", text)), text


def test_a_part_is_always_called_bei_jian():
    """配件 means an accessory; a part of the catalogue or the stock is 备件 everywhere."""
    wrong = [
        (source, text)
        for _context, source, text in _translations()
        if "配件" in text and "accessor" not in source.lower()
    ]
    assert not wrong
    assert sum("备件" in text for _c, _s, text in _translations()) > 100


def test_an_asset_is_bought_gou_zhi():
    """An asset's purchase date and cost share 购置; a customer's device keeps 购买日期. In
    core the two are told apart by the asset's disambiguation (as its Name is)."""
    texts = {(c, s): t for c, s, t in _translations()}
    for context in ("AssetDialog", "EquipmentPage"):
        for (c, source), text in texts.items():
            if c == context and "urchase" in source and "date" in source.replace("&", ""):
                assert "购置日期" in text, (c, source, text)
    assert texts[("IntakeDialog", "Purchase date")] == "购买日期"
    core = {
        m.findtext("comment"): m.findtext("translation")
        for ctx in ET.parse(TS).getroot().iter("context")
        if ctx.findtext("name") == "core"
        for m in ctx.iter("message")
        if m.findtext("source") == "Purchase date"
    }
    assert core == {"asset": "购置日期", None: "购买日期"}


def test_data_lists_in_messages_are_joined_the_chinese_way(chinese):
    """Order numbers and checklist items are shown as they are, but listed with 、."""
    from outletdesk.core.errors import DomainError, Items

    error = DomainError("{orders}", orders=Items(["N-000001", "N-000002"]))
    assert error.message(translate_core) == "N-000001、N-000002"
    assert error.message() == "N-000001, N-000002"  # English, and str() for logs
