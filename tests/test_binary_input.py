"""Input that is not text: gzip read through, other binary formats named, never read as text.

Read as text, a gzipped real API response gave a paper made of its compressed bytes.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

import paperlist
from conftest import JSON_FILES, SEED, SEED_TODAY


def test_a_gzipped_api_response_reads_as_the_response_does(tmp_path: Path) -> None:
    plain = paperlist.load(JSON_FILES[0], strict=True)
    packed = tmp_path / "day.json.gz"
    packed.write_bytes(gzip.compress(JSON_FILES[0].read_bytes()))
    listing = paperlist.load(packed, strict=True)
    assert (listing.papers, listing.format, listing.issues) == (plain.papers, "json", ())
    assert paperlist.loads(packed.read_bytes()).papers == plain.papers


def test_a_folder_of_gzipped_days_merges_as_the_plain_one_does(tmp_path: Path) -> None:
    for path in JSON_FILES[:3]:
        (tmp_path / f"{path.name}.gz").write_bytes(gzip.compress(path.read_bytes()))
    assert paperlist.load_many(tmp_path).papers == paperlist.load_many(JSON_FILES[:3]).papers


def test_every_member_of_a_gzip_file_is_read() -> None:
    """``cat a.gz b.gz > both.gz`` is one gzip file of two members: the seed in two halves."""
    text = SEED.read_bytes()
    middle = text.index(b"\n\n", len(text) // 2) + 2
    both = gzip.compress(text[:middle]) + gzip.compress(text[middle:])
    expected = paperlist.load(SEED, today=SEED_TODAY)
    assert paperlist.loads(both, today=SEED_TODAY).papers == expected.papers
    padded = gzip.compress(text) + bytes(512)  # some tools pad to a block with zeros
    assert paperlist.loads(padded, today=SEED_TODAY).papers == expected.papers


def test_bytes_after_the_gzip_data_are_reported() -> None:
    """Zeros after the data pad it; anything else was meant to be read, and is not."""
    packed = gzip.compress(SEED.read_bytes()) + b"junk"
    listing = paperlist.loads(packed, today=SEED_TODAY)
    assert len(listing) == len(paperlist.load(SEED, today=SEED_TODAY))
    assert [issue.message for issue in listing.issues] == [
        "4 bytes after the gzip data were not read"
    ]
    with pytest.raises(paperlist.ParseError, match="4 bytes after the gzip data"):
        paperlist.loads(packed, today=SEED_TODAY, strict=True)


def test_gzip_data_cut_short_gives_what_it_holds_and_an_issue() -> None:
    """A download cut short: the seed's first cards, and an Issue saying so."""
    packed = gzip.compress(SEED.read_bytes())
    cut = packed[: len(packed) // 2]
    listing = paperlist.loads(cut, today=SEED_TODAY)
    whole = paperlist.load(SEED, today=SEED_TODAY)
    assert 0 < len(listing) < len(whole)
    assert listing.papers[:-1] == whole.papers[: len(listing) - 1]  # the last may be cut
    assert listing.issues[0].message == "the gzip data is cut short: read up to where it ends"
    with pytest.raises(paperlist.ParseError, match="cut short"):
        paperlist.loads(cut, today=SEED_TODAY, strict=True)


def test_damaged_gzip_data_is_an_issue_or_a_parse_error() -> None:
    packed = bytearray(gzip.compress(SEED.read_bytes()))
    packed[len(packed) // 2 : len(packed) // 2 + 64] = bytes(64)
    with pytest.raises(paperlist.ParseError, match="the gzip data is damaged"):
        paperlist.loads(bytes(packed), strict=True)
    listing = paperlist.loads(bytes(packed), today=SEED_TODAY)
    assert listing.issues[0].message.startswith("the gzip data is damaged")


def test_gzip_never_expands_past_max_bytes() -> None:
    seed = gzip.compress(SEED.read_bytes())
    limit = len(seed) + 1  # the file is within it, what it holds is not
    assert len(SEED.read_bytes()) > limit
    with pytest.raises(paperlist.ParseError, match=f"larger than max_bytes={limit} once"):
        paperlist.loads(seed, max_bytes=limit)
    with pytest.raises(paperlist.ParseError, match="larger than max_bytes=1000"):
        paperlist.loads(b"x" * 1001, max_bytes=1000)


def test_gzip_data_that_grows_a_thousandfold_is_refused() -> None:
    """A "gzip bomb": 20 MB of spaces in 20 kB would fill memory long before the 2 GiB
    default limit; gzip data may grow a hundredfold, and to 1 MiB whatever its size."""
    bomb = gzip.compress(b" " * 20_000_000)
    assert len(bomb) < 25_000
    for strict in (False, True):
        with pytest.raises(paperlist.ParseError, match="grows more than 100-fold"):
            paperlist.loads(bomb, strict=strict)
    small = gzip.compress(b" " * 1_000_000)  # 1 kB growing a thousandfold, within 1 MiB
    assert paperlist.loads(small).papers == ()


def _tarred(path: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        archive.add(path, path.name)
    return buffer.getvalue()


def _zipped(path: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(path, path.name)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (_zipped(JSON_FILES[0]), "a ZIP archive, not a page or JSON: extract its files"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document, not a page or JSON: conv"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"PAR1\x15\x04\x15", "a Parquet file, not a page or JSON: read it with pandas"),
        (gzip.compress(_zipped(JSON_FILES[0])), "a ZIP archive"),  # a .zip.gz
        (_tarred(JSON_FILES[0]), "a tar archive, not a page or JSON: extract its files"),
        (gzip.compress(_tarred(JSON_FILES[0])), "a tar archive"),  # a .tar.gz of days
        (gzip.compress(gzip.compress(JSON_FILES[0].read_bytes())), "gzip data inside gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "an OLE file \\(Thumbs"),
    ],
)
def test_other_binary_formats_are_refused_by_name(data: bytes, named: str) -> None:
    for strict in (False, True):
        with pytest.raises(paperlist.ParseError, match=named.replace(".", r"\.")) as raised:
            paperlist.loads(data, strict=strict)
        assert (raised.value.line, raised.value.column) == (1, 1)


def test_text_that_opens_like_a_binary_format_by_chance_is_still_text() -> None:
    """Openings are bytes no text dump starts with; "PK" or "BZ" alone are words."""
    page = b"PKU-Lab presents\n\n" + SEED.read_bytes()
    assert len(paperlist.loads(page, today=SEED_TODAY)) == len(
        paperlist.load(SEED, today=SEED_TODAY)
    )
