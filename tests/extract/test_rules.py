"""The editable place rules: what the file's lists mean once read."""

from __future__ import annotations

from pathlib import Path

from partnerdash.extract.rules import read_rules


def rules_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "place_rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_place_nouns_mark_unknown_names_and_prepositions_do_not(tmp_path: Path) -> None:
    rules = read_rules(
        rules_file(
            tmp_path,
            'place_prepositions = ["in"]\nplace_cues = ["partnerstadt"]\nunresolved_cues = ["landkreis"]\n',
        )
    )
    assert rules.place_cues == {"in", "partnerstadt"}
    assert [m.group() for m in rules.unresolved_cue.finditer("in Partnerstadt und Landkreis")] == [
        "Partnerstadt",
        "Landkreis",
    ]


def test_a_rules_file_from_before_the_split_keeps_its_prepositions_out_of_the_unknown_name_cues(
    tmp_path: Path,
) -> None:
    rules = read_rules(rules_file(tmp_path, 'place_cues = ["in", "stadt"]\nunresolved_cues = ["gemeinde"]\n'))
    assert rules.place_cues == {"in", "stadt"}
    assert [m.group() for m in rules.unresolved_cue.finditer("in der Stadt, in Gemeinde")] == ["Gemeinde"]
