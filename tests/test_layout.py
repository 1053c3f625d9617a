"""The package's layout: imports run one way between the stages, and no module imports itself back.

Read from the source with `ast` (every import, also those inside functions), so a forbidden import
fails here even where no test happens to run it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sitegen

PACKAGE = Path(sitegen.__file__).parent

ALLOWED = {
    "site": {"site"},
    "records": {"site", "records"},
    "pages": {"site", "records", "pages"},
    "outputs": {"site", "records", "pages", "outputs"},
    "authoring": {"site", "records", "authoring"},
    "plugin": {"site", "records", "pages"},
}
"""What each part of the package may import: records <- pages <- outputs; authoring uses records
only; the MkDocs plugin adapts one build's events, so it uses pages and below; the site model
imports nothing of the package, and everything may import it."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> set[str]:
    """The package's own modules that module `name` imports, as names inside the package."""
    path = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.split(".")[0] == "sitegen":
                target = node.module.removeprefix("sitegen").lstrip(".")
            else:
                continue
            for alias in node.names:  # `from . import markdown_text` imports a module
                candidate = f"{target}.{alias.name}" if target else alias.name
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            found |= {
                alias.name.removeprefix("sitegen.")
                for alias in node.names
                if alias.name.startswith("sitegen.")
            }
    return {module for module in found if module}


def _part(module: str) -> str:
    return module.split(".")[0]


def _allows(importer: str, imported: str) -> bool:
    rules = ALLOWED.get(_part(importer))
    if rules is None:  # the package's own __init__ and the command line (__main__) use every stage
        return True
    return _part(imported) in rules or imported in rules


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_stage_rule(module):
    forbidden = sorted(imported for imported in _imports(module) if not _allows(module, imported))
    assert forbidden == [], f"{module} may not import {forbidden}; see the docstring of sitegen/__init__.py"


def test_the_plugin_uses_the_pages_stage_and_below_and_stays_thin():
    """The MkDocs plugin adapts one build's events: it never reaches into the complete build or the
    editors' tools, and what it computes lives in the stages (at most 150 lines of code)."""
    assert {_part(module) for module in _imports("plugin")} <= {"pages", "records", "site"}
    assert sorted(PACKAGE.parent.glob("*.py")) == [], "no MkDocs hook files beside the package"
    assert _code_lines(MODULES["plugin"]) <= 150


def test_the_site_model_is_a_leaf():
    assert _imports("site") == set()


def _code_lines(path: Path) -> int:
    """Lines of code: not blank, not a comment, not part of a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            if isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
                docstrings |= set(range(body[0].lineno, body[0].end_lineno + 1))
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(
        1
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.strip().startswith("#") and number not in docstrings
    )


def test_every_stage_says_what_it_owns_and_may_import():
    for stage in ("records", "pages", "outputs", "authoring"):
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and "May import" in doc, stage


def test_no_module_imports_itself_back():
    graph = {module: _imports(module) & set(MODULES) for module in MODULES}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = path[path.index(module) :] + [module]
            pytest.fail("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for imported in graph[module]:
            visit(imported, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


def test_the_rule_catches_a_forbidden_import():
    assert not _allows("pages.render", "outputs.open_data")
    assert not _allows("authoring.scaffold", "pages.render")
    assert not _allows("site", "records.catalog") and not _allows("site", "records.schema")
    assert not _allows("plugin", "outputs.build")
    assert _allows("outputs.pdf", "pages.focus_report") and _allows("authoring.scaffold", "site")
    assert "records.fields" in _imports("records.catalog")
    assert "records.markdown_text" in _imports("pages.render")  # `from ..records import markdown_text`


def test_no_function_is_longer_than_60_lines():
    """A function that does not fit on a screen does more than one thing: split it."""
    long = [
        f"{name}.{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for name, path in MODULES.items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60
    ]
    assert long == []
