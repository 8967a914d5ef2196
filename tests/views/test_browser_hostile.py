"""Hostile news text and many users at once, in a real headless Chromium on one server.

News items are untrusted: whatever their titles, captions, summaries, sources, dates and
links hold, the page shows it as text, runs none of it, links only to http(s) and asks
no other host for anything. Sessions are independent: one user's filters never show up
in another's page.
"""

from __future__ import annotations

import asyncio
import csv
import html
import io
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from playwright.async_api import BrowserContext, Dialog, async_playwright
from playwright.async_api import Page as AsyncPage
from playwright.async_api import expect as async_expect
from playwright.sync_api import Page, expect
from tests.views.test_browser import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, PAGES, ROOT, Visit, own_tab, serve

from partnerdash.filters import Filters, apply, kpis
from partnerdash.i18n import Labels
from partnerdash.model import Dataset
from partnerdash.pipeline import build_paths
from partnerdash.views.text import safe_url

pytestmark = pytest.mark.browser

HOSTILE = ROOT / "tests" / "fixtures" / "hostile" / "news.jsonl"
# A file that cannot be read is named on every page; its name is as untrusted as its content.
FAILING_NAME = "[click](javascript:alert(17)) **bold**.jsonl"
# In the summary of every item of the hostile file, and of no other: the Explorer's search finds them.
MARKER = "Fixture item."
ROW = 35  # pixels: the height of a table row in st.dataframe
T = Labels("en")
METRIC = '[data-testid="stMetricValue"]'


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "news"
    folder.mkdir()
    shutil.copy(HOSTILE, folder)
    shutil.copy(ROOT / "data" / "sample" / "skew-news-archive-2023-en.txt", folder)
    shutil.copy(ROOT / "tests" / "fixtures" / "bad" / "garbage.bin", folder / FAILING_NAME)
    return folder


@pytest.fixture(scope="module")
def dataset(news: Path) -> Dataset:
    return build_paths([news])


@pytest.fixture(scope="module")
def server(news: Path) -> Iterator[str]:
    with serve(news) as url:
        yield url


@pytest.fixture
def visit() -> Iterator[Visit]:
    with own_tab() as tab:
        yield tab


def load(visit: Visit, url: str, ready: str) -> Page:
    """Like Visit.open without its pause for plotly: these checks need no finished drawing."""
    visit.page.goto(url)
    visit.page.locator(ready).first.wait_for(timeout=60_000)
    return visit.page


def assert_inert(page: Page) -> None:
    """No payload ran, and every link on the page goes to http(s)."""
    assert page.evaluate("window.__pwned") is None
    schemes = page.eval_on_selector_all("a[href]", "links => links.map(a => new URL(a.href).protocol)")
    assert set(schemes) <= {"http:", "https:"}, schemes


def page_paths(page: Page) -> list[str]:
    """Every page in the sidebar's navigation, so a page added later is visited too."""
    links = page.locator('[data-testid="stSidebarNav"] a').evaluate_all("links => links.map(a => a.href)")
    return list(dict.fromkeys(urlparse(link).path for link in links))


def test_hostile_news_text_is_shown_as_text_and_never_runs(
    server: str, visit: Visit, dataset: Dataset
) -> None:
    page = load(visit, server, PAGES["overview"])
    expect(page.get_by_text(FAILING_NAME, exact=False).first).to_be_visible()
    paths = page_paths(page)
    assert len(paths) >= len(PAGES)
    for path in paths:
        name = path.strip("/") or "overview"
        page = load(visit, f"{server}{path}", PAGES.get(name, '[data-testid="stMainBlockContainer"]'))
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        assert_inert(page)

    # Each item of the hostile file in turn, picked in the table: its full text as text.
    page = load(visit, f"{server}/explorer?{urlencode({'q': MARKER})}", PAGES["explorer"])
    items = apply(dataset, Filters(text=MARKER)).events.sort_values("date", ascending=False)
    assert len(items) == len(HOSTILE.read_text(encoding="utf-8").splitlines())
    box = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    assert box is not None
    for row, item in enumerate(items.itertuples()):
        page.mouse.click(box["x"] + 20, box["y"] + ROW * (row + 1.5))  # below the header row
        expect(page.locator('[data-testid="stHeading"]').last).to_have_text(item.title, timeout=30_000)
        expect(page.locator('[data-testid="stText"]').last).to_have_text(item.summary)
        if isinstance(item.caption, str):
            expect(page.get_by_text(item.caption, exact=True)).to_be_visible()
        assert_inert(page)
    visit.shot("explorer-hostile")

    page = load(visit, f"{server}/explorer", PAGES["explorer"])
    with page.expect_download() as download:
        page.get_by_role("button", name=T("download_csv")).click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == len(dataset.events)
    assert all(row[T("link")] == "" or safe_url(row[T("link")]) for row in rows)

    with page.expect_download() as download:
        page.get_by_role("button", name=T("download_report")).click()
    report = Path(download.value.path()).read_text(encoding="utf-8")
    for title in dataset.events["title"]:
        assert html.escape(title) in report
    for payload in (
        "<script>window.__pwned",
        "<img src=x onerror",
        "<svg onload",
        '<a href="javascript',
        "<iframe",
    ):
        assert payload not in report

    # Warnings about an uploaded file quote its items: shown as text, not as Markdown.
    page = load(visit, server, PAGES["overview"])
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(HOSTILE)])
    warning = page.locator('[data-testid="stAlert"]').filter(has_text="could not be read")
    expect(warning).to_contain_text("![x](http://evil.example/warning.png)", timeout=60_000)
    expect(warning).to_contain_text("[s](javascript:alert(16))")
    assert_inert(page)
    visit.shot("overview-hostile-upload")

    assert [u for u in visit.external() if not u.startswith("file://")] == []
    assert visit.dialogs == []


@dataclass
class User:
    """One person's browser, with the filters they chose and what those let through."""

    query: dict[str, list[str]]
    expected: Filters
    page: AsyncPage | None = None
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    # Streamlit 1.67 at times leaves the address without the bound filters after a page
    # switch under load, while the page keeps them: after one, only the page is compared.
    switched_page: bool = False

    async def start(self, context: BrowserContext, server: str) -> None:
        self.page = await context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self.dismiss)
        # The Explorer draws no plotly chart: several browsers on few cores open it much sooner.
        await self.page.goto(f"{server}/explorer?{urlencode(self.query, doseq=True)}")

    async def sees_own(self, dataset: Dataset, wait: bool = True) -> None:
        """The caption's count (on every page), the key figures (on the overview), the address."""
        assert self.page is not None
        view = apply(dataset, self.expected)
        caption = self.page.locator('[data-testid="stCaptionContainer"]').first
        shown = T("showing", shown=len(view.events), total=len(dataset.events), span="", source="", loaded="")
        count = shown.split(" · ")[0]
        got = kpis(view)
        metrics = [T.number(n) for n in (got.items, got.municipalities, got.countries, got.partnerships)]
        if wait:
            await async_expect(caption).to_contain_text(count, timeout=60_000)
            if on_overview(self.page.url):
                await async_expect(self.page.locator(METRIC)).to_have_text(metrics, timeout=60_000)
            if not self.switched_page:
                await self.page.wait_for_url(self.own_address, timeout=60_000)
            return
        assert count in await caption.inner_text()
        if on_overview(self.page.url):
            assert await self.page.locator(METRIC).all_inner_texts() == metrics
        assert self.switched_page or self.own_address(self.page.url), self.page.url

    async def dismiss(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        await dialog.dismiss()

    def own_address(self, url: str) -> bool:
        address = parse_qs(urlparse(url).query)
        return {key: address.get(key) for key in self.query} == self.query


def on_overview(url: str) -> bool:
    return urlparse(url).path in ("/", "/overview")


def user(filters: Filters) -> User:
    # The address holds each choice as the sidebar labels it.
    query = {
        "region": [T.category(r) for r in filters.regions],
        "country": [f"{T.country(c)} ({c})" for c in filters.countries],
        "topic": [T.category(k) for k in filters.topics],
    }
    return User({k: v for k, v in query.items() if v}, filters)


async def many_users(server: str, users: list[User], added: str, dataset: Dataset) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        contexts = [await browser.new_context(viewport={"width": 1400, "height": 1000}) for _ in users]
        await asyncio.gather(*(u.start(c, server) for u, c in zip(users, contexts, strict=True)))
        await asyncio.gather(*(u.sees_own(dataset) for u in users))
        for each in users:  # all filters set: each page still shows its own
            await each.sees_own(dataset, wait=False)

        # One user changes a filter in the sidebar while the others move to the overview.
        first, others = users[0], users[1:]

        async def change() -> None:
            assert first.page is not None
            sidebar = first.page.locator('[data-testid="stSidebar"]')
            region = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text=T("region")).first
            await region.click()
            # Keys pressed before the list of options is drawn go nowhere: wait for it first.
            await first.page.get_by_role("option").first.wait_for(timeout=60_000)
            await first.page.keyboard.type(added)
            await first.page.get_by_role("option", name=added, exact=True).click(timeout=60_000)
            first.query = {"region": [*first.query["region"], added]}
            first.expected = Filters(regions=(*first.expected.regions, added))
            await first.sees_own(dataset)

        async def browse(other: User) -> None:
            assert other.page is not None
            await (
                other.page.locator('[data-testid="stSidebar"]')
                .get_by_role("link", name=T("overview"))
                .click()
            )
            await other.page.wait_for_url(on_overview, timeout=60_000)
            other.switched_page = True
            await other.sees_own(dataset)

        await asyncio.gather(change(), *(browse(o) for o in others))
        for each in users:
            await each.sees_own(dataset, wait=False)
        await browser.close()


def test_many_users_at_once_each_see_only_their_own_filters(server: str, dataset: Dataset) -> None:
    users = [
        user(Filters(regions=("Asia",))),
        user(Filters(topics=("health",))),
        user(Filters(regions=("Middle East & North Africa",))),
        user(Filters(regions=("Sub-Saharan Africa",))),
        user(Filters(countries=("UA",))),
    ]
    added = "Middle East & North Africa"  # by the first user, in the sidebar, while all are open
    later = Filters(regions=(*users[0].expected.regions, added))
    counts = [len(apply(dataset, f).events) for f in [*(u.expected for u in users), later]]
    assert len(set(counts)) == len(counts), "every user's filters must let a different number through"
    # Not on this thread: a sync Playwright of another browser test may hold its event loop here.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, many_users(server, users, added, dataset)).result()
    external = [u for each in users for u in each.requests if urlparse(u).hostname not in LOCAL_HOSTS]
    assert external == []
    assert [d for each in users for d in each.dialogs] == []
