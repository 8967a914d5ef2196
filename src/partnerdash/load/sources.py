"""Where documents come from: paths, folders (recursively), standard input, uploads."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from partnerdash.load.items import Document, LoadError

STDIN = "-"
# Files in a data folder that are not news: notes, licences, hidden files.
_SKIPPED_NAMES = frozenset({"readme.md", "sources.md", "license", "licence", "notice"})


def documents(paths: list[str | Path]) -> Iterator[Document | LoadError]:
    """Each file named or found under a folder, in a stable order; problems as LoadError."""
    for path in paths:
        if str(path) == STDIN:
            yield Document("<stdin>", sys.stdin.buffer.read())
            continue
        yield from _documents_at(Path(path))


def _documents_at(path: Path) -> Iterator[Document | LoadError]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not _skipped(child.relative_to(path)):
                yield _read(child)
    elif path.exists():
        yield _read(path)
    else:
        yield LoadError(str(path), "no such file or folder")


def _skipped(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name.lower() in _SKIPPED_NAMES


def _read(path: Path) -> Document | LoadError:
    try:
        return Document(str(path), path.read_bytes())
    except OSError as error:
        return LoadError(str(path), f"cannot be read ({error.strerror})")


def add_to_folder(folder: Path, doc: Document) -> Path:
    """Write a document into a data folder, whole or not at all; returns where it went.

    Written under a hidden temporary name (which the folder's readers skip) and renamed,
    so a dashboard reading the folder meanwhile never sees half a file. A file of that
    name with other bytes is kept: the new one gets a numbered name beside it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(doc.name).name
    target = folder / name
    number = 1
    while target.exists() and target.read_bytes() != doc.data:
        number += 1
        target = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
    if target.exists():
        return target
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(doc.data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
