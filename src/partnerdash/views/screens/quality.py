"""Data quality: unresolved places, undated items, load warnings, and the place overrides."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from partnerdash import settings
from partnerdash.geocode.override_edits import OverrideConflictError, save_edit
from partnerdash.geocode.overrides import COLUMNS, default_path
from partnerdash.i18n import Labels
from partnerdash.registry.load import Registry, disagreements, unresolved
from partnerdash.views.aggregates import undated_items, unresolved_places
from partnerdash.views.context import context
from partnerdash.views.data import finder, folder_dataset, upload_dataset, version
from partnerdash.views.tables import labelled, table
from partnerdash.views.text import plain

_FLASH = "_overrides_saved"
_LOADED = "_overrides_loaded"
_EDITOR = "overrides_editor"


def _read_overrides() -> pd.DataFrame:
    path = default_path()
    if not path.exists():
        return pd.DataFrame(columns=list(COLUMNS))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _loaded_overrides() -> pd.DataFrame:
    """The file as this session read it: a save applies the edits made to this table.

    Read again while nothing is being edited, so others' saves show up; kept while
    edits are pending, so they stay relative to the table they were made in.
    """
    pending = st.session_state.get(_EDITOR) or {}
    if _LOADED not in st.session_state or not any(pending.values()):
        st.session_state[_LOADED] = _read_overrides()
    loaded: pd.DataFrame = st.session_state[_LOADED]
    return loaded


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """The table's non-empty rows; the editor leaves new cells empty (None or NaN)."""
    return [
        {str(k): ("" if pd.isna(v) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
        if any(str(v).strip() for v in row.values() if not pd.isna(v))
    ]


MAX_ROWS = 2000  # per table: the page stays light on a large archive


def quality() -> None:
    ctx = context()
    t = ctx.t
    if _FLASH in st.session_state:
        st.success(st.session_state.pop(_FLASH))
    places = unresolved_places(ctx.data, version(ctx.data), MAX_ROWS)
    st.subheader(t("unresolved_places"))
    if places is None:
        st.success(t("all_resolved"))
    else:
        st.caption(t("unresolved_help"))
        table(t, places, labelled(t, _UNRESOLVED))
    st.subheader(t("undated"))
    undated = undated_items(ctx.data, version(ctx.data), MAX_ROWS)
    table(t, undated, labelled(t, _UNDATED, dates={"date"}))
    st.subheader(t("warnings"))
    if ctx.data.warnings:
        notes = [
            {"source": w.source, "item": w.item, "message": w.message} for w in ctx.data.warnings[:MAX_ROWS]
        ]
        # Whole numbers, though a file's own note has none: "3", not "3.0".
        table(t, pd.DataFrame(notes).astype({"item": "Int64"}), labelled(t, _WARNINGS))
    else:
        st.success(t("no_warnings"))
    if ctx.registry is not None:
        _registry_rows(ctx.registry, t)
    _overrides_editor()


# Each table's columns, with the label of each (data/labels.toml): the frames keep their
# field names, which the tests and the overrides file use.
_UNRESOLVED = {
    "name": "place_name",
    "count": "items",
    "reason": "reason",
    "evidence": "evidence",
    "example": "example_item",
}
_UNDATED = {
    "date": "date",
    "date_inferred": "year_inferred",
    "title": "title",
    "source": "source",
    "position": "item_number",
}
_WARNINGS = {"source": "source", "item": "item_number", "message": "message"}
_REGISTRY = {
    "row": "registry_row",
    "a_label": "partner_a",
    "a_country_label": "country",
    "b_label": "partner_b",
    "b_country_label": "partner_country",
}
_OVERRIDES = {
    "name": "override_name",
    "country": "override_country",
    "lat": "latitude",
    "lon": "longitude",
    "kind": "place_kind",
    "note": "note",
}


def _registry_rows(known: Registry, t: Labels) -> None:
    """What the registry file holds that the gazetteer could not confirm."""
    rows = known.partnerships
    st.subheader(t("registry_quality"))
    lacking = unresolved(rows)
    source = ", ".join(sorted(set(rows["source_file"]))) or "—"
    summary = t(
        "registry_summary",
        rows=t.number(len(rows)),
        source=source,
        resolved=t.number(int(rows["resolved"].sum())),
        unresolved=t.number(len(lacking)),
    )
    st.caption(summary)
    st.markdown(f"**{t('registry_unresolved')}**")
    columns = {**_REGISTRY, "unresolved_reason": "reason"}
    table(t, lacking[list(columns)].head(MAX_ROWS), labelled(t, columns))
    st.markdown(f"**{t('registry_far')}**")
    far = disagreements(rows)
    columns = {**_REGISTRY, "a_distance_km": "offset_a_km", "b_distance_km": "offset_b_km"}
    table(t, far[list(columns)].head(MAX_ROWS).round(1), labelled(t, columns))
    if known.warnings:
        with st.expander(t("registry_warnings")):
            notes = [{"source": w.source, "message": w.message} for w in known.warnings[:MAX_ROWS]]
            table(t, pd.DataFrame(notes), labelled(t, {"source": "source", "message": "message"}))


def _overrides_editor() -> None:
    ctx = context()
    t = ctx.t
    st.subheader(t("overrides"))
    st.caption(t("overrides_help"))
    loaded = _loaded_overrides()
    # Headers in the interface's language; the columns keep the file's names, which a save writes.
    edited = st.data_editor(
        loaded,
        num_rows="dynamic",
        key=_EDITOR,
        hide_index=True,
        column_config=labelled(t, _OVERRIDES),
        placeholder="",
    )
    if st.button(t("save")):
        try:
            # Saved in the user's data folder (the bundled file may be read-only), where
            # default_path() then reads it.
            saved = save_edit(settings.writable_overrides_path(), _records(loaded), _records(edited))
        except OverrideConflictError as conflict:
            st.error(t("overrides_conflict", names=plain(", ".join(conflict.names))))
            return
        except ValueError as error:
            st.error(t("invalid", reason=plain(str(error))))
            return
        finder.clear()
        folder_dataset.clear()
        upload_dataset.clear()
        # The saved file, others' rows included, is the next table to edit.
        del st.session_state[_EDITOR]
        del st.session_state[_LOADED]
        st.session_state[_FLASH] = t("saved", count=len(saved))
        st.rerun()
