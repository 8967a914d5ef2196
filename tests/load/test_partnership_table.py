"""Registry tables read as news tables are: one delimiter sniffer, one guarded JSON parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerdash.load.delimiters import most_used_delimiter, sniff_delimiter
from partnerdash.load.items import LoadError
from partnerdash.load.partnership_table import read_table


def test_a_deeply_nested_registry_json_is_a_load_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(LoadError, match="nested too deeply"):
        read_table(path)


def test_a_deeply_nested_list_inside_a_registry_object_is_a_load_error(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text('{"partnerships": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(LoadError, match="nested too deeply"):
        read_table(path)


def test_a_tab_separated_registry_whose_header_holds_commas(tmp_path: Path) -> None:
    # As many commas as tabs in the header: counting the header alone would pick ",".
    path = tmp_path / "registry.tsv"
    path.write_text(
        "Municipality A\tCountry A\tMunicipality B\tCountry B\t"
        "Note (twinning, friendship, project, or other, ...)\n"
        "Bonn\tGermany\tCape Coast\tGhana\tsince 1991\n"
        "Jena\tGermany\tSan Marcos\tNicaragua\t\n",
        encoding="utf-8",
    )
    frame, warnings = read_table(path)
    assert list(frame["a_name"]) == ["Bonn", "Jena"]
    assert list(frame["b_country"]) == ["Ghana", "Nicaragua"]
    assert warnings == []


def test_a_registry_of_a_header_alone_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "registry.csv"
    path.write_text("Kommune;Land;Partnerstadt;Partnerland\n", encoding="utf-8")
    frame, warnings = read_table(path)
    assert frame.empty
    assert warnings == []


def test_the_sniffer_answers_only_for_a_header_its_caller_knows() -> None:
    text = "a;b;c\n1;2;3\n4;5;6\n"
    assert sniff_delimiter(text, lambda header: header == ["a", "b", "c"]) == ";"
    assert sniff_delimiter(text, lambda header: False) is None
    assert sniff_delimiter("a;b;c\n", lambda header: True) is None  # one line tells nothing
    assert most_used_delimiter("a\tb\tc,d\n") == "\t"
