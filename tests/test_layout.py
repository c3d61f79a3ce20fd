"""The package's shape: stages import only down the chain, each dependency has one home.

The chain is read -> clean -> meta -> article -> warc -> crawljobs -> batch -> cluster -> cli:
a stage may import itself and the stages before it, never one after it. Imports are read from
the source (also those inside functions, which a run may or may not reach), so a lazy import
cannot hide a cycle or a dependency out of its home.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "scrubwarc"
# Shared ground (version, named tuples, errors, stop signals, file I/O) first; the facade may
# import anything.
STAGES = (
    *("_version", "_tuples", "errors", "signals", "files"),
    *("read", "clean", "meta", "article", "warc", "crawljobs", "batch", "cluster", "cli"),
)
FACADE = {"scrubwarc", "scrubwarc.__main__"}
HOMES = {
    "typer": ("scrubwarc.cli",),
    "click": ("scrubwarc.cli",),
    "warcio": ("scrubwarc.warc",),
    "lxml": ("scrubwarc.read", "scrubwarc.meta"),
    "bs4": ("scrubwarc.read", "scrubwarc.meta"),
    "dask": ("scrubwarc.cluster",),
    "distributed": ("scrubwarc.cluster", "scrubwarc.cli.archive"),
    "fsspec": ("scrubwarc.cluster",),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> Iterator[tuple[str, bool]]:
    """Every module ``path`` imports, and whether only for type checking."""
    tree = ast.parse(path.read_text(), str(path))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(n) for child in node.body for n in ast.walk(child))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path.parent)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, id(node) in typing_only
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, id(node) in typing_only
            for alias in node.names:  # ``from scrubwarc.read import blocks`` imports a module
                if (
                    (PACKAGE.parent / (base + "." + alias.name).replace(".", "/"))
                    .with_suffix(".py")
                    .is_file()
                ):
                    yield f"{base}.{alias.name}", id(node) in typing_only


def _graph() -> dict[str, set[str]]:
    return {
        _module_name(p): {m for m, _ in _imports(p) if m.startswith("scrubwarc.")}
        for p in sorted(PACKAGE.rglob("*.py"))
    }


def _stage(module: str) -> int:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else -1


def test_every_module_belongs_to_a_stage() -> None:
    strays = [m for m in _graph() if m not in FACADE and _stage(m) < 0]
    assert strays == [], f"modules outside the stages {STAGES}: {strays}"


def test_stages_import_only_down_the_chain() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        if module not in FACADE
        for target in targets
        if target not in FACADE and _stage(target) > _stage(module)
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    graph = {m: {t for t in ts if t in FACADE or t in _graph()} for m, ts in _graph().items()}
    graph = {m: {t for t in ts if t not in FACADE} for m, ts in graph.items() if m not in FACADE}
    seen: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(module: str) -> None:
        seen[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if seen.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in seen:
                visit(target)
        path.pop()
        seen[module] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module)


@pytest.mark.parametrize("dependency", sorted(HOMES))
def test_each_dependency_has_one_home(dependency: str) -> None:
    outside = sorted(
        f"{_module_name(p)} imports {name}"
        for p in PACKAGE.rglob("*.py")
        for name, typing_only in _imports(p)
        if name.split(".")[0] == dependency
        and not typing_only
        and not _module_name(p).startswith(HOMES[dependency])
    )
    assert outside == []


def test_package_inits_import_nothing_heavy() -> None:
    code = (
        "import sys, scrubwarc, scrubwarc.read, scrubwarc.clean, scrubwarc.clean.rules, "
        "scrubwarc.meta, scrubwarc.warc, scrubwarc.cli\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'warcio', 'lxml', 'bs4', 'typer', 'ftfy', 'charset_normalizer'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
