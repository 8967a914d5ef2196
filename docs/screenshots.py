"""Screenshots of every page in presenter mode at projector sizes, in English and German.

What a conference audience sees: the app is started on the sample and two of our
fixture archives (so the charts have more than a dozen items), each page is opened
at 1280x720 and 1920x1080 in presenter mode, and the screen (not the whole page) is
saved as ``docs/screenshots/presenter/<page>-<lang>-<width>x<height>.png``.
Not part of ``make test``; run it after changing how a page looks, then look at them:

    .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.views.test_browser import CHROMIUM, CHROMIUM_ARGS, PAGES, serve  # noqa: E402

TARGET = ROOT / "docs" / "screenshots" / "presenter"
SIZES = ((1280, 720), (1920, 1080))
LANGUAGES = ("en", "de")
ARCHIVES = (
    ROOT / "data" / "sample" / "skew-news-archive-2023-en.txt",
    ROOT / "tests" / "fixtures" / "news" / "skew-archive-2019-de.txt",
    ROOT / "tests" / "fixtures" / "news" / "skew-archive-2019-en.txt",
)


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        news = Path(folder) / "news"
        news.mkdir()
        for archive in ARCHIVES:
            shutil.copy(archive, news)
        with serve(news) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for width, height in SIZES:
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                for lang in LANGUAGES:
                    for name, ready in PAGES.items():
                        path = "" if name == "overview" else name
                        page.goto(f"{url}/{path}?present=1&ui_lang={lang.upper()}")
                        page.locator(ready).first.wait_for(timeout=60_000)
                        page.wait_for_timeout(2000)  # plotly finishes drawing
                        shot = TARGET / f"{name}-{lang}-{width}x{height}.png"
                        page.screenshot(path=str(shot))
                        print(shot.relative_to(ROOT))
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
