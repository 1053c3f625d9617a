"""Synthetic records for benchmarks and tests: N initiatives and a few networks, valid against the schema.

    python benchmarks/generate.py --initiatives 5000 --out ../bench-project

copies the project (configs, hooks, overrides, docs, schemas, the real vocabularies and key
figures) into `--out` and writes synthetic records into its `content/`. The same seed gives the
same records, byte for byte. Texts are Dutch and English sentences from a small word list of real
words in several forms ("netwerk", "netwerken") plus a long Zipf-distributed tail of made-up
words, so that the search index has the size and spread of real text.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
from pathlib import Path

import yaml

from sitegen.site import copy_project

ROOT = Path(__file__).resolve().parents[1]
KEPT_CONTENT = ["vocabularies.yml", "key-figures.yml", "geo"]

DUTCH = (
    "netwerk netwerken school scholen leerling leerlingen docent docenten opleiding opleidingen "
    "techniek technische regio regionale samenwerking samenwerken bedrijf bedrijven onderwijs "
    "vmbo mbo havo vwo hogeschool hogescholen universiteit universiteiten loopbaan begeleiding "
    "doorstroom doorlopende leerlijn praktijk gastles gastlessen module modules project projecten "
    "werkplaats werkplaatsen stage stages talent talenten zorg welzijn energie duurzaamheid "
    "robotica ict bouw installatie logistiek voeding landbouw provincie gemeente gemeenten"
).split()
ENGLISH = (
    "network networks school schools pupil pupils teacher teachers course courses technology "
    "technical region regional collaboration business businesses education vocational secondary "
    "university universities career guidance transition pathway practice guest lesson lessons "
    "module modules project projects workshop workshops placement placements talent care welfare "
    "energy sustainability robotics building installation logistics food farming province municipality"
).split()
FUNCTION_WORDS = {
    "nl": "de het een en van in op met voor die dat is te zijn worden door aan bij om ook als naar "
    "wordt niet "
    "meer dan of er hun zij we wij uit over tot deze kan veel nog".split(),
    "en": "the a an and of in on with for that is to be are by at as from this it or more their they we "
    "not also can which into than these all".split(),
}
SYLLABLES = (
    "ba be bo da de di ka ke ko la le lo ma me mi na ne no pa pe ra re ri sa se so ta te to va ve wi".split()
)
PLACES = (
    "Assen Emmen Hoogeveen Meppel Zwolle Deventer Enschede Hengelo Almelo Apeldoorn Arnhem Nijmegen "
    "Ede Wageningen Utrecht Amersfoort Leiden Delft Gouda Dordrecht Breda Tilburg Eindhoven Helmond "
    "Venlo Roermond Maastricht Heerlen Groningen Leeuwarden Sneek Alkmaar Hoorn Haarlem Zaandam"
).split()
READ = "2026-11-01"


def _tail(rng: random.Random, size: int) -> list[str]:
    """Made-up words, the same for a seed."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _interleave(words: list[str], filler: list[str]) -> list[str]:
    result = []
    for index, word in enumerate(words):
        result += filler[index * 9 : (index + 1) * 9] + [word]
    return result


class Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        tail = _tail(random.Random(seed + 1), 20_000)
        # Ranks as in real text: function words first, the domain words spread over the next ranks
        # among made-up ones (one in ten), then the long tail; Zipf weights by rank.
        self.words = {
            lang: FUNCTION_WORDS[lang]
            + _interleave(domain, tail[: len(domain) * 9])
            + tail[len(domain) * 9 :]
            for lang, domain in (("nl", DUTCH), ("en", ENGLISH))
        }
        self.weights = {
            lang: [1 / (rank + 1) for rank in range(len(words))] for lang, words in self.words.items()
        }

    def sentence(self, lang: str, length: int) -> str:
        words = self.rng.choices(self.words[lang], weights=self.weights[lang], k=length)
        return " ".join(words).capitalize() + "."

    def text(self, lang: str, sentences: int) -> str:
        return " ".join(self.sentence(lang, self.rng.randint(8, 18)) for _ in range(sentences))

    def both(self, sentences: int) -> dict:
        return {"nl": self.text("nl", sentences), "en": self.text("en", sentences)}

    def markdown(self, paragraphs: int) -> dict:
        return {lang: "\n\n".join(self.text(lang, 3) for _ in range(paragraphs)) for lang in ("nl", "en")}

    def pick(self, codes: list[str], low: int, high: int) -> list[str]:
        return sorted(self.rng.sample(codes, self.rng.randint(low, min(high, len(codes)))), key=codes.index)


def network(writer: Writer, index: int, vocab: dict) -> dict:
    rng = writer.rng
    place = PLACES[index % len(PLACES)]
    return {
        "name": f"VO-HO netwerk {place} {index + 1}",
        "region": {"nl": f"Regio {place}", "en": f"{place} region"},
        "provinces": writer.pick(vocab["provinces"], 1, 2),
        "labour_market_regions": writer.pick(vocab["labour_market_regions"], 1, 3),
        "status": "active",
        "founded": rng.randint(2000, 2020),
        "lead_institution": f"Universiteit {place}",
        "partners": {
            "universities": [f"Universiteit {place}"],
            "universities_of_applied_sciences": [f"Hogeschool {place}"],
            "school_counts": [
                {
                    "count": rng.randint(5, 80),
                    "as_of": "2024",
                    "source": {
                        "title": f"Netwerk {place}",
                        "url": f"https://example.org/n{index}",
                        "read": "2026-01-01",
                    },
                }
            ],
        },
        "pillars": writer.pick(vocab["pillars"], 1, 3),
        "domains": writer.pick(vocab["domains"], 1, 3),
        "summary": writer.both(2),
        "description": writer.markdown(3),
        "sources": [
            {"title": f"Bron {index + 1}", "url": f"https://example.org/netwerk/{index + 1}", "read": READ}
        ],
        "last_verified": READ,
    }


def initiative(
    writer: Writer, index: int, vocab: dict, network_ids: list[str], places: list[tuple[str, str]]
) -> dict:
    """`places`: (municipality, labour-market region code) pairs from the CBS table."""
    rng = writer.rng
    place, region = rng.choice(places)
    record = {
        "title": {
            "nl": f"Samen sterk in {place} {index + 1}",
            "en": f"Stronger together in {place} {index + 1}",
        },
        "programme": rng.choice(vocab["programmes"]),
        "labour_market_region": region,
        "provinces": writer.pick(vocab["provinces"], 1, 1),
        "municipalities": [place],
        "collaboration_levels": writer.pick(vocab["collaboration_levels"], 1, 2),
        "sectors": writer.pick(vocab["sectors"], 1, 2),
        "parties": writer.pick(vocab["parties"], 1, 3),
        "themes": writer.pick(vocab["themes"], 0, 2),
        "start_year": rng.randint(2016, 2025),
        "schools": {"vmbo": [f"Vmbo {place} {rng.randint(1, 9)}"], "mbo": [f"ROC {place}"]},
        "summary": writer.both(2),
        "description": writer.markdown(3),
        "ambitions": [writer.both(1)],
        "networks": [rng.choice(network_ids)] if network_ids and rng.random() < 0.5 else [],
        "sources": [
            {"title": f"Bron {index + 1}", "url": f"https://example.org/initiatief/{index + 1}", "read": READ}
        ],
        "last_verified": READ,
    }
    return record


def generate(
    out: Path, initiatives: int, networks: int | None = None, seed: int = 2026, copy: bool = True
) -> Path:
    """Write a project copy with synthetic records into `out`; return `out`."""
    out = Path(out)
    if copy:
        copy_project(ROOT, out)  # the records are replaced below
    content = out / "content"
    shutil.rmtree(content, ignore_errors=True)
    (content / "networks").mkdir(parents=True)
    (content / "initiatives").mkdir(parents=True)
    for name in KEPT_CONTENT:
        source = ROOT / "content" / name
        if source.is_dir():
            shutil.copytree(source, content / name)
        else:
            shutil.copy2(source, content / name)
    with open(content / "vocabularies.yml", encoding="utf-8") as file:
        data = yaml.safe_load(file)
    vocab = {name: list(codes) for name, codes in data.items()}
    places = _places(content, data["labour_market_regions"])

    writer = Writer(seed)
    count = networks if networks is not None else max(3, initiatives // 500)
    network_ids = []
    for index in range(count):
        record_id = f"synthetisch-netwerk-{index + 1:04d}"
        _dump(content / "networks" / f"{record_id}.yml", network(writer, index, vocab))
        network_ids.append(record_id)
    schools: dict[str, tuple[str, str]] = {}  # name -> (education, municipality)
    for index in range(initiatives):
        record_id = f"synthetisch-initiatief-{index + 1:05d}"
        record = initiative(writer, index, vocab, network_ids, places)
        _dump(content / "initiatives" / f"{record_id}.yml", record)
        place = record["municipalities"][0]
        for education in ("vmbo", "mbo"):
            for name in record["schools"][education]:
                schools.setdefault(name, (education, place))
    (content / "schools").mkdir()
    for number, (name, (education, place)) in enumerate(sorted(schools.items()), start=1):
        path = content / "schools" / f"synthetische-school-{number:05d}.yml"
        _dump(path, school(name, education, place, number))
    return out


def school(name: str, education: str, place: str, number: int) -> dict:
    """A school the synthetic initiatives name: without DUO codes, so with its place and a source."""
    return {
        "name": name,
        "education": [education],
        "municipality": place,
        "sources": [
            {"title": f"School {number}", "url": f"https://example.org/school/{number}", "read": READ}
        ],
        "last_verified": READ,
    }


def _places(content: Path, regions: dict) -> list[tuple[str, str]]:
    """(municipality, region code) for the places of PLACES, from the CBS table: a valid pair."""
    by_cbs = {entry["cbs_code"]: code for code, entry in regions.items()}
    with open(content / "geo" / "gemeenten-regios-2026.csv", encoding="utf-8", newline="") as file:
        rows = {row["gemeente_naam"]: row["arbeidsmarktregio_code"] for row in csv.DictReader(file)}
    return [(name, by_cbs[rows[name]]) for name in PLACES if name in rows]


def _dump(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--initiatives", type=int, default=5000)
    parser.add_argument(
        "--networks", type=int, default=None, help="default: one per 500 initiatives, at least 3"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="validate the records afterwards")
    args = parser.parse_args(argv)
    generate(args.out, args.initiatives, args.networks, args.seed)
    if args.check:
        from sitegen.records.catalog import load_catalog

        catalog = load_catalog(args.out)
        print(f"{len(catalog.all_entries())} valid records in {args.out / 'content'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
