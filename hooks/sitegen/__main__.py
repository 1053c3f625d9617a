"""Command line: `python -m sitegen check|build|schemas|translations|fields|new` (the Makefile calls
these)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from .authoring.contributing import stale_contributing, write_contributing
from .authoring.json_schema import stale_schemas, write_schemas
from .authoring.scaffold import KINDS, ScaffoldError, new_record
from .authoring.translations import missing_english
from .outputs.build import BuildFailed, build_site, report_catalog_errors, report_catalog_warnings
from .records.catalog import CatalogError, load_catalog
from .records.freshness import STALE_AFTER_MONTHS, stale_records
from .records.messages import LANGUAGE_ENV, language, message
from .records.schema import PLACEHOLDER
from .site import LANGUAGE_CODES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sitegen", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: here)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGE_CODES,
        help=f"language of the messages about records (default: ${LANGUAGE_ENV}, else nl)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check", help="validate every record, report all problems, warn about stale records"
    )
    check.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="the date to judge staleness on, YYYY-MM-DD (default: today)",
    )
    build = commands.add_parser("build", help="build the complete site into site/")
    build.add_argument(
        "--site-url", help="public address of the Dutch root, e.g. https://example.org/netwerken/"
    )
    build.add_argument(
        "--public",
        action="store_true",
        help="the build to publish: refuse while the address, REPO_URL or EDITORS_EMAIL is empty",
    )
    schemas = commands.add_parser("schemas", help="write schemas/*.schema.json from the models")
    schemas.add_argument("--check", action="store_true", help="only report stale files (exit 1)")
    translations = commands.add_parser("translations", help="list record texts without English")
    translations.add_argument("--strict", action="store_true", help="exit 1 when anything is missing")
    fields = commands.add_parser(
        "fields", help="write the field tables in CONTRIBUTING.md and CONTRIBUTING.en.md"
    )
    fields.add_argument("--check", action="store_true", help="only report stale files (exit 1)")
    new = commands.add_parser("new", help="write a new record with every field, to fill in")
    new.add_argument("kind", choices=sorted(KINDS), help=", ".join(sorted(KINDS)))
    new.add_argument("id", help="the new id: lowercase letters, digits and hyphens; it becomes the address")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        lang = language(args.lang)  # every message below is put into words in it
    except ValueError as error:
        parser.error(str(error))
    if args.command == "new":
        return _new(root, args.kind, args.id, lang)
    started = time.perf_counter()
    try:
        if args.command == "build":
            build_site(root, site_url=args.site_url, lang=lang, public=args.public)
            print(message("build.done", seconds=f"{time.perf_counter() - started:.1f}").text(lang))
            return 0
        catalog = load_catalog(root)
    except CatalogError as error:
        head = "build.problems" if args.command == "build" else "check.problems"
        report_catalog_errors(error, head=head, lang=lang)
        return 1
    except BuildFailed as error:
        print(error, file=sys.stderr)
        print(message("build.failed").text(lang), file=sys.stderr)
        return 1
    if args.command == "check":
        return _check(root, catalog, args.today or dt.date.today(), started, lang)
    if args.command == "translations":
        return _translations(root, catalog, args.strict, lang)
    regenerated = {
        "schemas": (stale_schemas, write_schemas, "generated.stale_schema", "generated.wrote_schema"),
        "fields": (
            stale_contributing, write_contributing, "generated.stale_fields", "generated.wrote_fields"
        ),
    }
    return _regenerate(args.check, *regenerated[args.command], root, catalog, lang)


def _new(root: Path, kind: str, record_id: str, lang: str) -> int:
    try:
        path = new_record(root, kind, record_id)
    except ScaffoldError as error:
        print(error.said.text(lang), file=sys.stderr)
        return 1
    print(message("new.wrote", path=path.relative_to(root).as_posix(), placeholder=PLACEHOLDER).text(lang))
    return 0


def _check(root: Path, catalog, today: dt.date, started: float, lang: str) -> int:
    # Stale records are warnings: still published, but their sources need reading again.
    stale = stale_records(catalog, root, today)
    report_catalog_warnings(catalog, also=stale, lang=lang)
    seconds = f"{time.perf_counter() - started:.2f}"
    print(message("check.valid", count=len(catalog.all_entries()), seconds=seconds).text(lang))
    if stale:
        summary = message("check.stale_summary", count=len(stale), months=STALE_AFTER_MONTHS)
        print(summary.text(lang), file=sys.stderr)
    return 0


def _translations(root: Path, catalog, strict: bool, lang: str) -> int:
    missing = missing_english(catalog, root, lang)
    for line in missing:
        print(line)
    print(message("translations.summary", count=len(missing)).text(lang), file=sys.stderr)
    return 1 if missing and strict else 0


def _regenerate(
    check: bool, find_stale, write, stale: str, wrote: str, root: Path, catalog, lang: str
) -> int:
    """Files generated from the schema: list the stale ones (exit 1) or write them anew."""
    if check:
        names = find_stale(root, catalog.vocabularies)
        for name in names:
            print(message(stale, name=name).text(lang), file=sys.stderr)
        return 1 if names else 0
    for name in write(root, catalog.vocabularies):
        print(message(wrote, name=name).text(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
