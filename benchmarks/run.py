"""paperlist against its floor and against what users would use instead.

Run as ``python benchmarks/run.py [--papers N]``. Every figure is a ratio of two
timings (or memory peaks) measured in this process on the same bytes, the
median of several runs after a warm-up: this machine is shared and absolute
times drift. Exits 3 when a goal is missed (a crash exits 1).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import platform
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "tests"))

import paperlist  # noqa: E402
from paperlist.query import has_repo, min_authors, published_between  # noqa: E402

MISSED = 3
# The floor of the plain-text format: what an ad-hoc scraper does.
_CARD_META = re.compile(r"•\s*(\d+) authors?\n·\n([A-Z][a-z]{2} \d{1,2}(?:, \d{4})?)")


# -- inputs --------------------------------------------------------------------------


def real_items() -> list[dict[str, Any]]:
    """Every item of the 16 real API responses."""
    items: list[dict[str, Any]] = []
    for path in sorted((DATA / "json").glob("*.json")):
        items.extend(json.loads(path.read_text(encoding="utf-8")))
    return items


def api_json(papers: int) -> bytes:
    """An /api/daily_papers array of ``papers`` real items, compact as the API sends it."""
    items = real_items()
    chosen = [items[index % len(items)] for index in range(papers)]
    return json.dumps(chosen, ensure_ascii=False, separators=(",", ":")).encode()


def text_dump(papers: int) -> bytes:
    """A plain-text dump like the seed, its 87 cards repeated to ``papers`` distinct cards."""
    seed = (DATA / "text" / "seed.txt").read_text(encoding="utf-8")
    paragraphs = seed.split("\n\n")
    header, cards = paragraphs[:6], []
    index = 6
    while index < len(paragraphs):
        card = [paragraphs[index], paragraphs[index + 1]]
        index += 2
        if index < len(paragraphs) and paragraphs[index].lstrip().startswith("•"):
            card.append(paragraphs[index])
            index += 1
        cards.append("\n\n".join(card))
    # Distinct titles: copies of one card on a page are one paper.
    body = [_numbered(cards[number % len(cards)], number) for number in range(papers)]
    return ("\n\n".join(header + body) + "\n").encode()


def _numbered(card: str, number: int) -> str:
    title, rest = card.split("\n", 1)
    return f"{title} {number}\n{rest}"


def html_page(papers: int, *, hydration: bool = True) -> bytes:
    """A listing page of ``papers`` real items with cards, and hydration props unless not."""
    from pagebuilder import listing_page

    items = real_items()
    chosen = [items[index % len(items)] for index in range(papers)]
    return listing_page(chosen, hydration=hydration).encode()


# -- measuring -----------------------------------------------------------------------


def timed(function: Callable[[], object]) -> float:
    """Wall time of one call.

    The collector stays on, as in the programs that use paperlist: collections
    are part of the cost of building many objects. The call starts after a
    full collection, so it pays for no garbage left by another.
    """
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def paired_ratio(
    subject: Callable[[], object], floor: Callable[[], object], repeat: int
) -> tuple[float, float, float]:
    """subject/floor, timing the two alternately so drift hits both alike."""
    subject()
    floor()
    ratios, subject_times, floor_times = [], [], []
    for _ in range(repeat):
        subject_time = timed(subject)
        floor_time = timed(floor)
        subject_times.append(subject_time)
        floor_times.append(floor_time)
        ratios.append(subject_time / floor_time)
    return (
        statistics.median(ratios),
        statistics.median(subject_times),
        statistics.median(floor_times),
    )


def traced_peak(function: Callable[[], object]) -> tuple[int, int, object]:
    """(peak, still held afterwards, result) of one call, in bytes."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, held, result


# -- figures -------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, float, str, bool, str]] = []

    def add(self, name: str, value: float, goal: str, met: bool, detail: str = "") -> None:
        self.rows.append((name, value, goal, met, detail))
        verdict = "met" if met else "MISSED"
        print(f"{name:<62} {value:8.3f}  goal {goal:<7} {verdict:<6} {detail}", flush=True)

    @property
    def missed(self) -> list[str]:
        return [name for name, _, _, met, _ in self.rows if not met]


def json_figures(report: Report, papers: int, repeat: int) -> None:
    data = api_json(papers)
    ratio, ours, floor = paired_ratio(
        lambda: paperlist.loads(data), lambda: json.loads(data), repeat
    )
    report.add(
        f"JSON loads / json.loads ({papers} papers, {len(data) / 1e6:.0f} MB)",
        ratio,
        "<= 1.3",
        ratio <= 1.3,
        f"{ours * 1e3:.0f} ms vs {floor * 1e3:.0f} ms",
    )
    try:
        from huggingface_hub.hf_api import PaperInfo
    except ImportError:
        print("huggingface_hub is not installed: skipping its figure (pip install --group bench)")
    else:

        def hub_route() -> object:
            # PaperInfo pops keys out of its argument, so it needs fresh JSON each time.
            return [PaperInfo(**item) for item in json.loads(data)]

        ratio, theirs, ours = paired_ratio(hub_route, lambda: paperlist.loads(data), repeat)
        report.add(
            "huggingface_hub json.loads + PaperInfo(**item) / paperlist JSON loads",
            ratio,
            ">= 2.5",
            ratio >= 2.5,
            f"{theirs * 1e3:.0f} ms vs {ours * 1e3:.0f} ms",
        )
    floor_peak, _, _ = traced_peak(lambda: json.loads(data))
    ours_peak, held, listing = traced_peak(lambda: paperlist.loads(data))
    assert len(listing) == papers  # type: ignore[arg-type]
    report.add(
        "tracemalloc peak while loading JSON / peak of json.loads alone",
        ours_peak / floor_peak,
        "<= 1.5",
        ours_peak / floor_peak <= 1.5,
        f"{ours_peak / 1e6:.0f} MB vs {floor_peak / 1e6:.0f} MB",
    )
    report.add(
        "memory still held by the Listing / peak of json.loads alone",
        held / floor_peak,
        "<= 0.25",
        held / floor_peak <= 0.25,
        f"{held / 1e6:.0f} MB",
    )


def text_floor(data: bytes) -> object:
    return [_CARD_META.search(paragraph) for paragraph in data.decode("utf-8").split("\n\n")]


def text_figures(report: Report, papers: int, repeat: int) -> None:
    data = text_dump(papers)
    today = paperlist.SAMPLE_DATE
    ratio, ours, floor = paired_ratio(
        lambda: paperlist.loads(data, today=today), lambda: text_floor(data), repeat
    )
    report.add(
        f"text loads / split into paragraphs + one regex each ({papers} papers)",
        ratio,
        "<= 4.0",
        ratio <= 4.0,
        f"{ours * 1e3:.0f} ms vs {floor * 1e3:.0f} ms",
    )


def html_floor(data: bytes) -> object:
    from lxml import etree

    root = etree.fromstring(data, etree.HTMLParser(huge_tree=True))
    element = root.find(".//*[@data-target='DailyPapers']")
    assert element is not None
    props = element.get("data-props")
    assert props is not None
    return json.loads(props)


def html_figures(report: Report, repeat: int) -> None:
    data = html_page(50)
    ratio, ours, floor = paired_ratio(
        lambda: paperlist.loads(data), lambda: html_floor(data), repeat * 20
    )
    report.add(
        "HTML loads of a 50-paper page / lxml parse + json.loads of props",
        ratio,
        "<= 1.3",
        ratio <= 1.3,
        f"{ours * 1e3:.2f} ms vs {floor * 1e3:.2f} ms",
    )
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        print("beautifulsoup4 is not installed: skipping its figure (pip install --group bench)")
        return

    def soup_route() -> object:
        soup: Any = BeautifulSoup(data, "html.parser")
        return json.loads(soup.find(attrs={"data-target": "DailyPapers"})["data-props"])

    ratio, theirs, ours = paired_ratio(soup_route, lambda: paperlist.loads(data), repeat * 5)
    report.add(
        "BeautifulSoup html.parser extraction of the props / paperlist HTML loads",
        ratio,
        ">= 5",
        ratio >= 5,
        f"{theirs * 1e3:.2f} ms vs {ours * 1e3:.2f} ms",
    )


def filter_figures(report: Report, repeat: int, size: int) -> None:
    base = (
        paperlist.loads(api_json(300)).papers
        + paperlist.load(DATA / "text" / "seed.txt", today=paperlist.SAMPLE_DATE).papers
    )
    listing = paperlist.Listing(tuple(base[index % len(base)] for index in range(size)))
    combined = has_repo() & min_authors(3) & published_between("2024-01-01")
    start = published_between("2024-01-01").low  # type: ignore[attr-defined]
    papers = listing.papers

    def by_hand() -> object:
        return [
            paper
            for paper in papers
            if paper.repo_url is not None
            and paper.author_count is not None
            and paper.author_count >= 3
            and paper.published is not None
            and start <= paper.published
        ]

    assert list(listing.filter(combined)) == by_hand()
    ratio, ours, floor = paired_ratio(lambda: listing.filter(combined), by_hand, repeat * 3)
    report.add(
        f"Listing.filter, three predicates, {size} papers / list comprehension",
        ratio,
        "<= 4",
        ratio <= 4,
        f"{ours * 1e3:.1f} ms vs {floor * 1e3:.1f} ms",
    )
    predicate = min_authors(3)

    def at_least_three_authors(paper: paperlist.Paper) -> bool:
        return paper.author_count is not None and paper.author_count >= 3

    ratio, ours, floor = paired_ratio(
        lambda: [predicate(paper) for paper in papers],
        lambda: [at_least_three_authors(paper) for paper in papers],
        repeat * 3,
    )
    report.add(
        f"min_authors(3)(paper) / a hand-written function, {size} calls",
        ratio,
        "<= 4",
        ratio <= 4,
        f"{ours * 1e3:.1f} ms vs {floor * 1e3:.1f} ms",
    )


def scaling_figures(report: Report, papers: int, repeat: int) -> None:
    """(time at 4N / time at N) over the same ratio of the format's floor.

    The floors are those of the formats' speed figures.
    """
    formats: list[tuple[str, Callable[[int], bytes], Callable[[bytes], object]]] = [
        ("JSON", api_json, json.loads),
        ("text", text_dump, text_floor),
        ("HTML", html_page, html_floor),
    ]
    for name, make, floor in formats:
        small, large = make(papers), make(4 * papers)
        ratio, ours, theirs = _relative_growth(
            lambda data: paperlist.loads(data, today=paperlist.SAMPLE_DATE),
            floor,
            small,
            large,
            repeat,
        )
        report.add(
            f"{name} growth: (4N/N) / the floor's (4N/N), N = {papers}",
            ratio,
            "<= 1.1",
            ratio <= 1.1,
            f"ours x{ours:.2f}, floor x{theirs:.2f}",
        )


def _relative_growth(
    subject: Callable[[bytes], object],
    floor: Callable[[bytes], object],
    small: bytes,
    large: bytes,
    repeat: int,
) -> tuple[float, float, float]:
    """Median of (subject's large/small) / (floor's large/small), all four timed in turn.

    Timing the four alternately, as paired_ratio does for two, keeps drift in
    the machine's speed out of the figure.
    """
    runs: list[Callable[[], object]] = [
        (lambda: subject(small)),
        (lambda: subject(large)),
        (lambda: floor(small)),
        (lambda: floor(large)),
    ]
    for run in runs:
        run()
    ratios, ours, theirs = [], [], []
    for _ in range(repeat):
        subject_small, subject_large, floor_small, floor_large = (timed(run) for run in runs)
        ours.append(subject_large / subject_small)
        theirs.append(floor_large / floor_small)
        ratios.append(ours[-1] / theirs[-1])
    return statistics.median(ratios), statistics.median(ours), statistics.median(theirs)


_EMPTY_GZIP_MEMBER = gzip.compress(b"", mtime=0)
# Shapes an attacker would choose, each made at a given size in bytes: every one
# once took super-linear time somewhere in paperlist (or, gzip's, costs per piece).
ADVERSARIAL_SHAPES: dict[str, Callable[[int], str | bytes]] = {
    "nested HTML articles": lambda size: (
        "<html><body>"
        + "<article><h3><a href='/papers/2401.00001'>T</a></h3>" * (size // 62)
        + "</article>" * (size // 62)
        + "</body></html>"
    ),
    "text lines '[a' and '1'": lambda size: "[a\n1\n" * (size // 5),
    "spaces inside a heading": lambda size: (
        "### [" + " " * size + "x](https://huggingface.co/papers/2401.00001)\n"
    ),
    "spaces inside a link": lambda size: "[" + " " * size + "\n\n\n](x)\n",
    "spaces in pandoc's Markdown": lambda size: (
        "[a](b)\n" + ":::\n" * 5 + "Title" + " " * size + "x\n"
    ),
    "spaces in a page flattened onto one line": lambda size: (
        "Daily Papers - Hugging Face" + " " * size + "x\n"
    ),
    "spaces after 'Submitted by'": lambda size: "Submitted by" + " " * size + "]\n",
    "one very long line": lambda size: "word " * (size // 5),
    "html-to-text's addressed title lines": lambda size: "T [/papers/2401.00001]\n" * (size // 23),
    "JSON nested deeply": lambda size: "[" * (size // 2) + "]" * (size // 2),
    # Every line a paper page joined on (its arxiv: line), read by the paper page's reader:
    # its first reading copied the lines before each one, in quadratic time.
    "arxiv: lines, each a paper page": lambda size: "arxiv:2401.00001\n" * (size // 17),
    # A reader view's window title over a listing's cards: each was once read to the end.
    "reader views over cards": lambda size: (
        "# Paper page - x\nPublished on Sep 28\nAuthors:\nAbstract\n2 authors\n3 authors\n"
        * (size // 75)
    ),
    # Header blocks of saved responses (curl -i -L writes one per redirect): each block's
    # end was once looked for in two 64 KiB searches.
    "HTTP header blocks": lambda size: b"HTTP/1.1 200 OK\n\n" * (size // 17),
    # 20 bytes each, every member of a gzip file costs a decompressor of its own.
    "empty gzip members": lambda size: _EMPTY_GZIP_MEMBER * (size // len(_EMPTY_GZIP_MEMBER)),
}


def _load_quietly(data: str | bytes) -> object:
    try:
        return paperlist.loads(data, today=paperlist.SAMPLE_DATE)
    except paperlist.ParseError as error:
        return error


def adversarial_figures(report: Report, repeat: int) -> None:
    """Linear time on hostile shapes: 4x the size within 5x the time; at 1 MB within
    5x a real sample of the same size; rendered cards within 3x the lxml parse."""
    from lxml import etree

    small_size = 64_000
    for name, make in ADVERSARIAL_SHAPES.items():
        small, large = make(small_size), make(4 * small_size)
        ratio, large_time, small_time = paired_ratio(
            lambda large=large: _load_quietly(large),  # type: ignore[misc]
            lambda small=small: _load_quietly(small),  # type: ignore[misc]
            repeat,
        )
        report.add(
            f"{name}: time at 4x size / time at 1x",
            ratio,
            "<= 5",
            ratio <= 5,
            f"{large_time * 1e3:.1f} ms vs {small_time * 1e3:.1f} ms",
        )
    real = text_dump(600).decode()  # about 1 MB of the seed's cards
    for name, make in ADVERSARIAL_SHAPES.items():
        shape = make(len(real))
        ratio, shape_time, real_time = paired_ratio(
            lambda shape=shape: _load_quietly(shape),  # type: ignore[misc]
            lambda: _load_quietly(real),
            repeat,
        )
        report.add(
            f"{name}, 1 MB / a real text dump of 1 MB",
            ratio,
            "<= 5",
            ratio <= 5,
            f"{shape_time * 1e3:.1f} ms vs {real_time * 1e3:.1f} ms",
        )
    cards_only = html_page(50, hydration=False)
    ratio, ours, floor = paired_ratio(
        lambda: paperlist.loads(cards_only),
        lambda: etree.fromstring(cards_only, etree.HTMLParser(huge_tree=True)),
        repeat * 20,
    )
    report.add(
        "HTML read from its rendered cards, 50 papers / lxml parse",
        ratio,
        "<= 3",
        ratio <= 3,
        f"{ours * 1e3:.2f} ms vs {floor * 1e3:.2f} ms",
    )


def build_archive(folder: Path, files: int) -> int:
    """``files`` daily API files of 50 real items each, every paper with its own id.

    Returns the number of papers written.
    """
    items = real_items()
    for number in range(files):
        day = []
        for slot in range(50):
            item = json.loads(json.dumps(items[(number * 50 + slot) % len(items)]))
            item["paper"]["id"] = f"{2400 + number // 1000:04d}.{(number % 1000) * 50 + slot:05d}"
            day.append(item)
        (folder / f"day_{number:05d}.json").write_text(
            json.dumps(day, separators=(",", ":")), encoding="utf-8"
        )
    return files * 50


def archive_figures(report: Report, files: int, repeat: int) -> None:
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as root:
        small, large = Path(root, "small"), Path(root, "large")
        small.mkdir()
        large.mkdir()
        papers = build_archive(small, files)
        # Four times the files, the same bytes: links to the small archive's files.
        for number in range(4 * files):
            (large / f"day_{number:05d}.json").symlink_to(small / f"day_{number % files:05d}.json")

        one = timed(lambda: paperlist.load_many(small))
        report.add(
            f"load_many of {files} daily files: thousands of papers per second",
            papers / one / 1e3,
            "info",
            True,
            f"{files / one:.0f} files/s, {one:.2f} s",
        )
        workers = os.cpu_count() or 1
        ratio, single, double = paired_ratio(
            lambda: paperlist.load_many(small, workers=1),
            lambda: paperlist.load_many(small, workers=2),
            repeat,
        )
        report.add(
            f"load_many workers=1 / workers=2 ({workers} cores)",
            ratio,
            ">= 1.6",
            ratio >= 1.6,
            f"{single:.2f} s vs {double:.2f} s",
        )

        def walk(folder: Path) -> Callable[[], object]:
            return lambda: sum(len(listing) for listing in paperlist.iter_load(folder))

        small_peak, _, _ = traced_peak(walk(small))
        large_peak, _, _ = traced_peak(walk(large))
        report.add(
            f"iter_load peak, {4 * files} files / {files} files",
            large_peak / small_peak,
            "<= 1.2",
            large_peak / small_peak <= 1.2,
            f"{large_peak / 1e6:.1f} MB vs {small_peak / 1e6:.1f} MB",
        )
        try:
            from huggingface_hub.hf_api import PaperInfo
        except ImportError:
            print("huggingface_hub is not installed: skipping its archive figure")
            return
        paths = sorted(small.iterdir())

        def hub_route() -> object:
            return [[PaperInfo(**item) for item in json.loads(path.read_bytes())] for path in paths]

        ratio, theirs, ours = paired_ratio(hub_route, lambda: paperlist.load_many(small), repeat)
        report.add(
            "the archive through huggingface_hub PaperInfo / paperlist load_many",
            ratio,
            ">= 2.5",
            ratio >= 2.5,
            f"{theirs:.2f} s vs {ours:.2f} s",
        )


def import_figure(report: Report) -> None:
    code = (
        "import sys, paperlist; print(sorted(m for m in ('lxml', 'dateutil') if m in sys.modules))"
    )
    imported = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    report.add(
        "import paperlist imports neither lxml nor dateutil",
        0.0 if imported == "[]" else 1.0,
        "== 0",
        imported == "[]",
        f"imported: {imported}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--papers", type=int, default=20_000, help="papers per format (default 20000)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure (default 5)")
    parser.add_argument(
        "--scaling-papers", type=int, default=5_000, help="N for the growth figures (default 5000)"
    )
    parser.add_argument(
        "--filter-papers", type=int, default=100_000, help="papers for the filter figure"
    )
    parser.add_argument(
        "--archive-files", type=int, default=1_000, help="daily files in the archive figures"
    )
    args = parser.parse_args(argv)
    print(
        f"paperlist {paperlist.__version__} on Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.processor() or 'unknown cpu'}"
    )
    report = Report()
    json_figures(report, args.papers, args.repeat)
    text_figures(report, args.papers, args.repeat)
    html_figures(report, args.repeat)
    filter_figures(report, args.repeat, args.filter_papers)
    scaling_figures(report, args.scaling_papers, args.repeat)
    adversarial_figures(report, args.repeat)
    archive_figures(report, args.archive_files, max(3, args.repeat // 2))
    import_figure(report)
    if report.missed:
        print(f"{len(report.missed)} goal(s) missed: {', '.join(report.missed)}")
        return MISSED
    print("every goal met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
