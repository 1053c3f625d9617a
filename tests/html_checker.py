"""The Nu Html Checker (the W3C's validator: `vnu.jar` from npm's `vnu-jar`, pinned in
package.json, run on Debian's Java) over built sites, in one run of the checker, and its errors as
`Problem`s: `page: line:col: message` for a reader, and inside GitHub Actions a workflow command
that annotates the page (`sitegen.records.workflow_commands`).

Only errors count (`--errors-only`): warnings, such as a role that repeats an element's own, are
allowed. Language detection is off (`--no-langdetect`): it only ever warns, and it triples the
checker's memory."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from sitegen.records.workflow_commands import annotation

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = [
    "java",
    "-XX:TieredStopAtLevel=1",  # the quick compiler only: half the CPU time for one run over a site
    "-Xss8m",  # which needs a larger stack than the checker's own minimum (512k)
    "-XX:+UseSerialGC",  # one thread collects: half the memory, on a machine the tests share
]
COMMAND = [
    *JAVA, "-jar", str(VNU), "--errors-only", "--no-langdetect", "--skip-non-html", "--format", "json",
    "--verbose",  # the name of every page checked, on standard output (the report is on standard error)
]


@dataclass(frozen=True)
class Problem:
    """One error of the checker: the page as a reader finds it (`site/netwerken/index.html`), the
    line and column where it starts (none for an error about the whole document) and the message."""

    page: str
    line: int | None
    column: int | None
    message: str

    def text(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{self.page}: {where}{self.message}"

    def annotation(self) -> str:
        return annotation("error", f"Nu Html Checker: {self.message}", self.page, self.line, self.column)


@dataclass(frozen=True)
class Report:
    """What one run of the checker found, and how many pages it read."""

    problems: list[Problem]
    pages_checked: int


def shown_path(path: Path, sites: dict[str, Path]) -> str:
    """`path` as the name of its site (a key of `sites`) and its place in it: `site/en/index.html`."""
    for name, folder in sites.items():
        if path.is_relative_to(folder):
            return f"{name}/{path.relative_to(folder).as_posix()}"
    return path.as_posix()


def problems(report: dict, sites: dict[str, Path]) -> list[Problem]:
    """The checker's JSON report as problems, in the order of `sites`, page, line and column."""
    found = []
    for item in report["messages"]:
        url = item.get("url", "")
        page = shown_path(Path(unquote(urlparse(url).path)), sites) if url else "?"
        line = item.get("firstLine", item.get("lastLine"))
        column = item.get("firstColumn", item.get("lastColumn")) if line is not None else None
        found.append(Problem(page, line, column, item.get("message", item.get("type", "?"))))
    order = {name: index for index, name in enumerate(sites)}

    def place(problem: Problem) -> tuple:
        site = order.get(problem.page.split("/", 1)[0], len(order))
        return site, problem.page, problem.line or 0, problem.column or 0

    return sorted(found, key=place)


def summary(found: list[Problem], shown: int) -> str:
    """How many errors of each kind (the same template breaks every page alike), then the first
    `shown` errors one a line."""
    kinds = Counter(problem.message for problem in found)
    lines = [f"{len(found)} HTML errors on {len({p.page for p in found})} pages, of {len(kinds)} kinds:"]
    lines += [f"  {count} x {kind}" for kind, count in kinds.most_common()]
    lines += [problem.text() for problem in found[:shown]]
    return "\n".join(lines + ([f"... and {len(found) - shown} more"] if len(found) > shown else []))


def check(sites: dict[str, Path]) -> Report:
    """Run the checker once over every HTML page in the folders of `sites` (name: folder)."""
    if not VNU.exists():
        raise FileNotFoundError(f"{VNU} is missing: `make test-deps` installs it from package-lock.json")
    sites = {name: folder.resolve() for name, folder in sites.items()}
    run = subprocess.run(
        [*COMMAND, *(str(folder) for folder in sites.values())], capture_output=True, encoding="utf-8"
    )
    if run.returncode not in (0, 1):  # 1: it found errors
        raise RuntimeError(f"the Nu Html Checker failed ({run.returncode}):\n{run.stderr}")
    start = run.stderr.find('{"')  # after anything Java itself says first (JAVA_TOOL_OPTIONS)
    if start < 0:
        raise RuntimeError(f"the Nu Html Checker gave no report:\n{run.stderr}")
    report, _ = json.JSONDecoder().raw_decode(run.stderr[start:])
    return Report(problems(report, sites), len(run.stdout.splitlines()))
