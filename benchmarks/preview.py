"""The editor's loop: how long `make serve` takes to rebuild after a save to one record.

    python benchmarks/preview.py PROJECT [--saves 5] [--profile FILE]

Runs, in this process, what `mkdocs serve --dirty` runs (`make serve`): one config per build, the
hooks told once that this is `serve` (`on_startup`), then `build(config, dirty=True)`. After the
first (full) build it edits one initiative's title again and again and times each rebuild, as the
live server does after a save (the server adds its own wait for the file system to settle). It
prints one line, `preview: CPU SECONDS s CPU, WALL SECONDS s wall` (medians over the saves), and
leaves the record as it found it. With `--profile`, the rebuilds run under cProfile into FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"
TITLE = re.compile(r"^(title:\s*\{?\s*nl:\s*)", re.MULTILINE)


def _config(project: Path, site_dir: str):
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=site_dir)
    config.site_url = SERVE_URL
    return config


def rebuild_times(project: Path, saves: int, profile: Path | None = None) -> tuple[list[float], list[float]]:
    """(CPU seconds, wall seconds) of each rebuild after a save to one initiative."""
    from mkdocs.commands.build import build

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    record = sorted((project / "content" / "initiatives").glob("*.yml"))[0]
    original = record.read_text(encoding="utf-8")
    site_dir = tempfile.mkdtemp(prefix="vh-preview-")
    config = _config(project, site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=SERVE_URL, dirty=True)
    profiler = cProfile.Profile() if profile else None
    cpu, wall = [], []
    try:
        for save in range(saves):
            # A title is on the record's page, the overview, its region pages and the home page.
            edited = TITLE.sub(lambda match: f"{match.group(1)}Versie {save} ", original, count=1)
            assert edited != original, f"{record}: no Dutch title found to edit"
            record.write_text(edited, encoding="utf-8")
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            if profiler:
                profiler.enable()
            build(_config(project, site_dir), serve_url=SERVE_URL, dirty=True)
            if profiler:
                profiler.disable()
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started_wall)
    finally:
        record.write_text(original, encoding="utf-8")
    if profiler and profile:
        profiler.dump_stats(str(profile))
    return cpu, wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("project", type=Path)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    import logging

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    cpu, wall = rebuild_times(args.project.resolve(), args.saves, args.profile)
    print(f"preview: {statistics.median(cpu):.3f} s CPU, {statistics.median(wall):.3f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
