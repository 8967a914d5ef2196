"""The data flows one way: a stage imports only earlier stages and leaf modules.

load → extract → geocode → model (with filters over its tables) → registry (the network
joined to the model) → pipeline (the table of contents) → charts, i18n → report, views →
the command line. Leaf modules (settings, schema, dates, name keys, output writers) import
no stage at all. The developer tools the product does not use (synthetic news, answer-key
and development-corpus scoring) are in bench/, which the package never imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "partnerdash"

LEAVES = {
    "partnerdash",
    "partnerdash.settings",
    "partnerdash.schema",
    "partnerdash.dates",
    "partnerdash.normalize",
    "partnerdash.output",
}
STAGES = [
    ("partnerdash.load",),
    ("partnerdash.extract",),
    ("partnerdash.geocode",),
    ("partnerdash.model", "partnerdash.filters", "partnerdash.store"),
    ("partnerdash.registry",),
    # The table of contents, and the runners that map its per-chunk step over cores or a cluster.
    ("partnerdash.pipeline", "partnerdash.parallel"),
    ("partnerdash.charts", "partnerdash.i18n", "partnerdash.geojson"),
    ("partnerdash.report", "partnerdash.views", "partnerdash.app"),
    # The command line: nothing may import it.
    ("partnerdash.cli",),
]
BENCH = SRC.parent / "bench"
# Moved out of the package into the benchmark's: bench/synth.py, answerkey.py, devcorpus.py.
DEV_TOOLS = {"synth": "synth", "quality": "answerkey", "devcorpus": "devcorpus"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage(module: str) -> int:
    if module in LEAVES:
        return -1
    for rank, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES or LEAVES in {__file__}")


def imports(path: Path, package: str = "partnerdash") -> set[str]:
    """The modules of ``package`` that a file imports, at the top or inside functions."""

    def ours(name: str) -> bool:
        return name == package or name.startswith(package + ".")

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and ours(node.module):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if ours(a.name))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_a_module_imports_no_later_stage(path: Path) -> None:
    module = module_name(path)
    later = sorted(d for d in imports(path) if stage(d) > stage(module))
    assert later == [], f"{module} (stage {stage(module)}) imports later stages: {later}"


def test_the_leaves_import_no_stage() -> None:
    for path in MODULES:
        if module_name(path) in LEAVES - {"partnerdash"}:
            assert {d for d in imports(path) if d != "partnerdash"} <= LEAVES, module_name(path)


def test_the_package_never_imports_the_benchmark() -> None:
    """bench/ is not installed with the package: an import of it would fail for every user."""
    found = {module_name(path): sorted(imports(path, "bench")) for path in MODULES}
    assert {module: names for module, names in found.items() if names} == {}


def test_the_developer_tools_are_the_benchmarks_not_the_packages() -> None:
    for old, new in DEV_TOOLS.items():
        assert not (PACKAGE / f"{old}.py").exists(), f"partnerdash.{old} belongs in bench/{new}.py"
        assert (BENCH / f"{new}.py").is_file()
