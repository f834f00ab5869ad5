"""The shape of the package: imports point one way, and no code is generated at run time."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import paperlist

SOURCE = Path(paperlist.__file__).parent


def _module_name(path: Path) -> str:
    parts = ["paperlist", *path.relative_to(SOURCE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def _package_of(module: str) -> str:
    """The package that relative imports in ``module`` start from."""
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def _imports(module: str) -> Iterator[str]:
    """paperlist's modules that ``module`` imports anywhere, inside functions too."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in MODULES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(module)
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            found = [name for name in submodules if name in MODULES]
            yield from found
            if len(found) < len(submodules) and base in MODULES:
                yield base


GRAPH = {module: set(_imports(module)) for module in MODULES}


def _reachable(start: str) -> set[str]:
    seen: set[str] = set()
    stack = list(GRAPH[start])
    while stack:
        module = stack.pop()
        if module not in seen:
            seen.add(module)
            stack.extend(GRAPH[module])
    return seen


def test_the_graph_sees_every_import() -> None:
    """The reader finds relative, nested and function-level imports (a check on the check)."""
    assert "paperlist._model" in GRAPH["paperlist._listing"]
    assert "paperlist._formats.api" in GRAPH["paperlist._formats.html"]
    assert "paperlist.query" in GRAPH["paperlist.cli"]  # from . import query
    assert "paperlist._formats.html" in GRAPH["paperlist._loading"]  # inside a function


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_one_that_imports_it_back(module: str) -> None:
    """No import circle, directly or through other modules."""
    assert module not in _reachable(module)


def test_the_model_is_a_leaf() -> None:
    """Paper and Issue import nothing of paperlist's."""
    assert GRAPH["paperlist._model"] == set()


def test_format_modules_import_no_other_format_but_the_api_mapping() -> None:
    """Readers share helpers, not each other's code; HTML and JSON share the API mapping.

    huggingface_hub's dicts hold the API's values, read by the API mapping's
    checks; paperlist's paper objects report JSON values as it does, and a table's
    rows are read as paper objects.
    """
    formats = {name for name in MODULES if name.startswith("paperlist._formats.")}
    allowed = {
        "paperlist._formats.json_shapes": {
            "paperlist._formats.api",
            "paperlist._formats.document",
            "paperlist._formats.hub",
        },
        "paperlist._formats.hub": {"paperlist._formats.api"},
        "paperlist._formats.document": {"paperlist._formats.api"},
        "paperlist._formats.html": {"paperlist._formats.api", "paperlist._formats.html_cards"},
        "paperlist._formats.text_grammar": {
            "paperlist._formats.reader_blocks",
            "paperlist._formats.table",
            "paperlist._formats.text_lexer",
            "paperlist._formats.text_paper_page",
        },
        # A table's rows are read as paperlist's own paper objects are.
        "paperlist._formats.table": {"paperlist._formats.document"},
    }
    for module in formats:
        assert GRAPH[module] & formats <= allowed.get(module, set()), module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_code_is_generated_at_run_time(module: str) -> None:
    """No exec, eval or compile() of source text anywhere in the package."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not called & {"exec", "eval", "compile"}
