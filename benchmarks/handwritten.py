"""The benchmark's reference: the same site written by hand, as a plain MkDocs Material project.

    python benchmarks/handwritten.py --project ../bench-project --out ../bench-handwritten

writes into `--out` what a person would have written without this project's machinery: the
project's own pages (`docs/<lang>/`, the generated parts written out as Markdown tables and
lists) and nav, and one plain Markdown page per record with the text its generated page shows
(title, summary, facts, description, ambitions, schools, related records, sources) and per
labour-market region (its municipalities, networks and initiatives), for every language, with
Material's defaults: no hook, no overrides, no extra CSS or JavaScript. Each
language gets a config of its own (`mkdocs.<code>.yml`, the Dutch one builds the root, the others
under their path), with Material's search off (`search=False`) as the project's language builds
run, or on, for the complete build's reference.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import yaml

from sitegen.pages.regions import Region, region_index
from sitegen.pages.render import MARKER
from sitegen.records.catalog import Catalog, Entry, load_catalog
from sitegen.records.i18n import Strings
from sitegen.records.kinds import KINDS
from sitegen.site import LANGUAGES, REGIONS_SECTION, Language


class _AnyTag(yaml.SafeLoader):
    """Reads the project's config, whose `!ENV` values become their default."""


_AnyTag.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _project_config(project: Path) -> dict:
    return yaml.load((project / LANGUAGES[0].config_file).read_text(encoding="utf-8"), Loader=_AnyTag)


def _text(value, lang: str) -> str:
    return "" if value is None else value.get(lang)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def record_markdown(entry: Entry, catalog: Catalog, lang: str) -> str:
    """A record's page written by hand: the same text as its generated page."""
    strings, record = Strings(lang), entry.record

    def labels(vocabulary: str, codes) -> str:
        return ", ".join(catalog.label(vocabulary, code, lang) for code in codes or [])

    if entry.kind == "initiatives":
        title = _text(record.title, lang)
        facts = [
            (
                "labour_market_region",
                catalog.label("labour_market_regions", record.labour_market_region, lang),
            ),
            ("provinces", labels("provinces", record.provinces)),
            ("municipalities", ", ".join(record.municipalities)),
            ("collaboration_levels", labels("collaboration_levels", record.collaboration_levels)),
            ("sectors", labels("sectors", record.sectors)),
            ("parties", labels("parties", record.parties)),
            ("themes", labels("themes", record.themes)),
            ("start_year", record.start_year),
        ]
        lists = [
            ("ambitions", [_text(item, lang) for item in record.ambitions]),
            ("vmbo", record.schools.vmbo),
            ("mbo", record.schools.mbo),
        ]
        related = [(strings.field("networks"), "netwerken", record.networks)]
    else:
        title = record.name
        facts = [
            ("region", _text(record.region, lang)),
            ("provinces", labels("provinces", record.provinces)),
            ("labour_market_regions", labels("labour_market_regions", record.labour_market_regions)),
            ("status", strings.t(f"status-{record.status}")),
            ("founded", record.founded),
            ("lead_institution", record.lead_institution),
            ("pillars", labels("pillars", record.pillars)),
            ("domains", labels("domains", record.domains)),
        ]
        partners = record.partners
        lists = [("regional_themes", [_text(item, lang) for item in record.regional_themes])]
        if partners:
            lists += [
                ("universities", partners.universities),
                ("universities_of_applied_sciences", partners.universities_of_applied_sciences),
            ]
        related = [
            (
                strings.t("related-initiatives"),
                "initiatieven",
                [other.id for other in catalog.linking(entry, "initiatives")],
            )
        ]
    lines = [f"# {title}", "", _text(record.summary, lang), "", f"## {strings.t('facts')}", ""]
    lines += [f"- **{strings.field(name)}**: {value}" for name, value in facts if value]
    lines += [
        "",
        f"## {strings.t('about-initiative' if entry.kind == 'initiatives' else 'about-network')}",
        "",
    ]
    lines += [_text(record.description, lang), ""]
    for name, items in lists:
        if items:
            lines += [f"## {strings.field(name)}", "", *(f"- {item}" for item in items), ""]
    for heading, section, ids in related:
        if ids:
            lines += [f"## {heading}", "", *(f"- [{other}](../{section}/{other}.md)" for other in ids), ""]
    lines += [f"## {strings.field('sources')}", "", strings.t("sources-intro"), ""]
    lines += [f"- [{source.title}]({source.url}), {source.read}" for source in record.sources]
    lines += ["", strings.t("last-verified", date=str(record.last_verified)), ""]
    return "\n".join(lines)


def _overview(kind: str, catalog: Catalog, lang: str) -> str:
    """An overview table written by hand (the generated one has the same rows)."""
    strings = Strings(lang)
    section = KINDS[kind].section
    rows = []
    for entry in sorted(catalog.entries.get(kind, {}).values(), key=lambda entry: entry.id):
        record = entry.record
        if kind == "initiatives":
            cells = [
                f"[{_cell(_text(record.title, lang))}](../{section}/{entry.id}.md)",
                catalog.label("labour_market_regions", record.labour_market_region, lang),
                ", ".join(catalog.label("sectors", code, lang) for code in record.sectors),
                "; ".join(catalog.label("themes", code, lang) for code in record.themes),
                str(record.start_year or ""),
            ]
        else:
            cells = [
                f"[{_cell(record.name)}](../{section}/{entry.id}.md)",
                _cell(_text(record.region, lang)),
                ", ".join(catalog.label("provinces", code, lang) for code in record.provinces),
                strings.t(f"status-{record.status}"),
                str(record.founded or ""),
            ]
        rows.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    header = "| " + " | ".join(["-"] * 5) + " |"
    return "\n".join(["| " + " | ".join(["", "", "", "", ""]) + " |", header, *rows])


def region_markdown(region: Region, catalog: Catalog, lang: str) -> str:
    """A region's page written by hand: its municipalities, networks and initiatives, linked."""
    strings = Strings(lang)
    label = catalog.label("labour_market_regions", region.code, lang)
    lines = [f"# {strings.t('region-title', region=label)}", ""]
    lines += [", ".join(municipality.name for municipality in region.municipalities), ""]
    for kind, entries in (("networks", region.networks), ("initiatives", region.initiatives)):
        section = KINDS[kind].section
        lines += [f"## {strings.t(f'section-{kind}')}", ""]
        lines += [
            f"- [{entry.record.name if kind == 'networks' else _text(entry.record.title, lang)}]"
            f"(../{section}/{entry.id}.md)"
            for entry in entries
        ]
        lines.append("")
    return "\n".join(lines)


def _fill_markers(markdown: str, catalog: Catalog, lang: str) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name == "initiatives-table":
            return _overview("initiatives", catalog, lang)
        if name == "networks-table":
            return _overview("networks", catalog, lang)
        return ""

    return MARKER.sub(replace, markdown)


def write_handwritten(project: Path, out: Path, search: bool = False) -> Path:
    """Write the hand-written site of `project` into `out`; return `out`."""
    catalog = load_catalog(project)
    config = _project_config(project)
    shutil.rmtree(out, ignore_errors=True)
    for lang in LANGUAGES:
        docs = out / "docs" / lang.code
        source = project / "docs" / lang.code
        for page in sorted(source.rglob("*.md")):
            target = docs / page.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            filled = _fill_markers(page.read_text(encoding="utf-8"), catalog, lang.code)
            target.write_text(filled, encoding="utf-8")
        for entry in catalog.all_entries():
            target = docs / KINDS[entry.kind].page_source(entry.id)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record_markdown(entry, catalog, lang.code), encoding="utf-8")
        for region in region_index(catalog).regions.values():
            target = docs / REGIONS_SECTION / f"{region.code}.md"
            target.write_text(region_markdown(region, catalog, lang.code), encoding="utf-8")
        _write_config(out, lang, config, search)
    return out


def _write_config(out: Path, lang: Language, project_config: dict, search: bool) -> None:
    theme = project_config["theme"]
    config = {
        "site_name": project_config["site_name"],
        "site_url": "http://127.0.0.1:8000/" + lang.path,
        "docs_dir": f"docs/{lang.code}",
        "site_dir": "site/" + lang.path,
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": lang.code,
            "font": False,
            "features": theme.get("features", []),
        },
        "nav": project_config["nav"],
        "not_in_nav": project_config.get("not_in_nav", ""),
        "markdown_extensions": project_config.get("markdown_extensions", []),
        "plugins": ["search"] if search else [],
        "validation": {"links": {"anchors": "ignore", "unrecognized_links": "ignore"}},
    }
    (out / f"mkdocs.{lang.code}.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--project", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--search", action="store_true", help="with Material's search")
    args = parser.parse_args(argv)
    write_handwritten(args.project, args.out, args.search)
    return 0


if __name__ == "__main__":
    sys.exit(main())
