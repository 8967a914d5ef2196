"""The dashboard's entry point, called by app.py: data, filters, navigation."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from partnerdash import settings
from partnerdash.filters import Filters, View, apply
from partnerdash.i18n import LANGUAGES, Labels
from partnerdash.model import Dataset, merge
from partnerdash.registry.load import Registry
from partnerdash.registry.selection import NetworkView
from partnerdash.views import aggregates, data, sidebar
from partnerdash.views.context import Context, set_context
from partnerdash.views.report import report_button
from partnerdash.views.screens.explorer import explorer
from partnerdash.views.screens.map import world_map
from partnerdash.views.screens.overview import overview
from partnerdash.views.screens.partnerships import partnerships
from partnerdash.views.screens.quality import quality
from partnerdash.views.screens.timeline import timeline
from partnerdash.views.screens.topics import topics
from partnerdash.views.text import plain

PRESENTER_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"]
{ display: none !important; }
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { padding-top: 4.5rem !important; }
</style>"""
FAVICON = settings.PROJECT_ROOT / "static" / "favicon.png"
MAX_LISTED = 10  # problems listed per kind above every page; the data-quality page has all

# A kind of problem with loading, and what went wrong, one line each (file and item).
Problems = list[tuple[str, list[str]]]


def _presenter_from_url() -> bool:
    return st.query_params.get("present", "").lower() in ("1", "true", "yes")


def _set_presenter() -> None:
    if st.session_state.get("presenter"):
        st.query_params["present"] = "1"
    elif "present" in st.query_params:
        del st.query_params["present"]


def _uploads(t: Labels, source: data.Source) -> tuple[tuple[str, bytes], ...]:
    # A new key empties the uploader once its files are in the archive.
    key = f"uploads-{st.session_state.get('upload_round', 0)}"
    files = st.file_uploader(t("upload"), accept_multiple_files=True, help=t("upload_help"), key=key) or []
    limit = data.upload_limit_mb()
    accepted = []
    for file in files:
        if data.too_big(file.size, limit):
            st.error(t("upload_too_big", name=data.safe_name(file.name), limit=limit))
            continue
        accepted.append((data.safe_name(file.name), file.getvalue()))
    if accepted and source.path.is_dir():
        st.caption(t("upload_session_only"))
        if st.button(t("add_to_archive"), help=t("add_to_archive_help", folder=source.label)):
            _add_to_archive(t, source.path, accepted)
    return tuple(accepted)


def _add_to_archive(t: Labels, folder: Path, files: list[tuple[str, bytes]]) -> None:
    added = 0
    for name, payload in files:
        problem = data.add_to_archive(folder, name, payload)
        if problem is None:
            added += 1
        else:
            st.error(plain(problem))
    if added:
        st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
        st.toast(t("added_to_archive", count=added))
        st.rerun()


def _load(t: Labels, source: data.Source, uploads: tuple[tuple[str, bytes], ...]) -> tuple[Dataset, Problems]:
    """The data folder's items and the uploads'; the files of which nothing was read, and
    the notes on uploads (the user just chose those files)."""
    stamp = data.overrides_stamp()
    with st.spinner(t("loading")):
        dataset = data.folder_dataset(str(source.path), data.stamp(source.path), stamp)
        extra = data.upload_dataset(uploads, stamp) if uploads else None
        if extra is not None:
            dataset = merge(dataset, extra)
    problems: Problems = []
    if dataset.failures:
        # Named on every page: the counts shown are short of them.
        problems.append((t("files_failed", count=len(dataset.failures)), [str(w) for w in dataset.failures]))
    notes = [str(w) for w in extra.warnings if not w.failed] if extra is not None else []
    if notes:
        problems.append((t("file_warnings"), notes))
    return dataset, problems


def _registry(t: Labels) -> tuple[Registry | None, Problems]:
    """The known partnerships from the registry file of the settings, if there is one."""
    path = data.registry_path()
    if path is None:
        return None, []
    if not path.exists():
        return None, [(t("registry_missing", path=path.name), [])]
    stamp = data.stamp(path), data.overrides_stamp()
    with st.spinner(t("loading_registry")):
        known = data.known_partnerships(str(path), *stamp)
    # Few, and each names its row: a file that could not be read, rows skipped or in doubt.
    notes = [str(w) for w in known.warnings]
    return known, [(t("registry_warnings"), notes)] if notes else []


def _network(dataset: Dataset, known: Registry | None, view: View, filters: Filters) -> NetworkView | None:
    if known is None or known.partnerships.empty:
        return None
    path = data.registry_path()
    registry_version = f"{path}|{data.stamp(path) if path else 0}|{data.overrides_stamp()}"
    joined, activity = data.network(dataset, data.version(dataset), known, registry_version)
    return aggregates.network_view(
        joined, activity, dataset, view, data.version(dataset), registry_version, filters
    )


def _problems(t: Labels, problems: Problems) -> None:
    """Everything that went wrong loading, in one warning under the header line; nothing
    when all went well. File names and messages quote the files: escaped, never Markdown."""
    if not problems:
        return
    sections = []
    for heading, lines in problems:
        listed = [f"- {plain(line)}" for line in lines[:MAX_LISTED]]
        if len(lines) > MAX_LISTED:
            listed.append(f"- {plain(t('more_problems', count=t.number(len(lines) - MAX_LISTED)))}")
        sections.append("\n".join([f"**{plain(heading)}**", *listed]))
    st.warning("\n\n".join(sections), icon=":material/warning:")


def main() -> None:
    # A local icon: a Material or emoji icon here would be fetched from a font CDN.
    st.set_page_config(page_title="partnerdash", page_icon=str(FAVICON), layout="wide")
    if "presenter" not in st.session_state:
        st.session_state["presenter"] = _presenter_from_url()
    source = data.data_source()
    with st.sidebar:
        # Chosen before any other text is drawn, so the whole page speaks one language.
        lang = st.segmented_control(
            "Language · Sprache",
            LANGUAGES,
            default="en",
            key="ui_lang",
            bind="query-params",
            format_func=str.upper,
        )
        t = Labels(lang if lang in LANGUAGES else "en")
        st.toggle(t("presenter"), key="presenter", help=t("presenter_help"), on_change=_set_presenter)
        image_format = (
            st.segmented_control(
                t("image_format"), ("png", "svg"), default="png", key="img", format_func=str.upper
            )
            or "png"
        )
        uploads = _uploads(t, source)
    dataset, load_problems = _load(t, source, uploads)
    known, registry_problems = _registry(t)
    with st.sidebar:
        filters = sidebar.filters(dataset, t)
    presenter = bool(st.session_state.get("presenter"))
    if presenter:
        st.html(PRESENTER_CSS)
    view = apply(dataset, filters)
    network = _network(dataset, known, view, filters)
    pages = {
        "overview": st.Page(
            overview, title=t("overview"), icon=":material/dashboard:", url_path="overview", default=True
        ),
        "timeline": st.Page(timeline, title=t("timeline"), icon=":material/timeline:", url_path="timeline"),
        "map": st.Page(world_map, title=t("map"), icon=":material/public:", url_path="map"),
        "topics": st.Page(topics, title=t("topics"), icon=":material/category:", url_path="topics"),
        "partnerships": st.Page(
            partnerships, title=t("partnerships_page"), icon=":material/hub:", url_path="partnerships"
        ),
        "explorer": st.Page(explorer, title=t("explorer"), icon=":material/table:", url_path="explorer"),
        "quality": st.Page(quality, title=t("quality"), icon=":material/fact_check:", url_path="quality"),
    }
    ctx = Context(
        data=dataset,
        view=view,
        t=t,
        presenter=presenter,
        image_format=image_format,
        source_label=source.label + (" " + t("header_uploads", count=len(uploads)) if uploads else ""),
        loaded_at=dataset.built_at,
        pages=pages,
        registry=known,
        network=network,
    )
    set_context(ctx)
    page = st.navigation(list(pages.values()), position="top" if presenter else "sidebar")
    if presenter:
        _presenter_header(ctx)
    else:
        st.title(t("app_title"))
        st.caption(plain(ctx.caption()))  # a folder name may hold Markdown characters
    _problems(t, load_problems + registry_problems)
    if not presenter:
        report_button(ctx)
    page.run()


def _presenter_header(ctx: Context) -> None:
    """One line above the chart: what is shown, and the way out of presenter mode (the
    sidebar with its toggle is hidden, and a keyboard user needs a button to reach)."""
    line, leave = st.columns([5, 2], vertical_alignment="center")
    line.caption(plain(f"{ctx.t('app_title')} · {ctx.caption()}"))
    leave.button(
        ctx.t("presenter_leave"),
        on_click=_leave_presenter,
        icon=":material/close_fullscreen:",
        width="stretch",
    )


def _leave_presenter() -> None:
    st.session_state["presenter"] = False
    _set_presenter()
