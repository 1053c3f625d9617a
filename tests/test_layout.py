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
    "site": {"site", "records.schema"},
    "records": {"site", "records"},
    "pages": {"site", "records", "pages"},
    "outputs": {"site", "records", "pages", "outputs"},
    "authoring": {"site", "records", "authoring"},
}
"""What each part of the package may import: records <- pages <- outputs; authoring uses records
only; the site model is importable by all (and imports only the models)."""


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


def test_the_hooks_use_the_pages_stage_and_below():
    """The MkDocs hooks adapt one build's events: they never reach into the complete build or the
    editors' tools."""
    for hook in sorted(PACKAGE.parents[0].glob("*.py")):
        tree = ast.parse(hook.read_text(encoding="utf-8"))
        used = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        parts = {module.split(".")[1] for module in used if module.startswith("sitegen.")}
        assert parts <= {"pages", "records", "site"}, (hook.name, parts)


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
    assert not _allows("site", "records.catalog")
    assert _allows("outputs.pdf", "pages.focus_report") and _allows("authoring.scaffold", "site")
    assert "records.fields" in _imports("records.catalog")
    assert "records.markdown_text" in _imports("pages.render")  # `from ..records import markdown_text`
