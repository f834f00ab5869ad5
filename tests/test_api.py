"""The public surface: names, types, packaging, and the benchmark still running."""

from __future__ import annotations

import ast
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import paperlist
import paperlist.query
from conftest import TESTS

ROOT = TESTS.parent


def test_public_names_are_pinned() -> None:
    """Adding or removing a public name is a deliberate change to this list."""
    assert paperlist.__all__ == [
        "SAMPLE_DATE",
        "FetchError",
        "Issue",
        "Listing",
        "Paper",
        "PaperlistError",
        "ParseError",
        "UnknownFormatError",
        "__version__",
        "dump",
        "dumps",
        "iter_load",
        "load",
        "load_many",
        "loads",
        "sample_path",
    ]
    assert paperlist.query.__all__ == [
        "Predicate",
        "has_repo",
        "keyword",
        "listed_between",
        "max_authors",
        "min_authors",
        "min_upvotes",
        "published_between",
    ]
    assert paperlist.__version__ == "0.1.0"


def test_import_is_cheap() -> None:
    """import paperlist loads neither lxml, dateutil nor cattrs."""
    code = (
        "import sys, paperlist; "
        "print(sorted(m for m in ('lxml', 'dateutil', 'cattrs') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_types_under_mypy_strict() -> None:
    """assert_type checks of load, loads, the query helpers and Listing methods pass mypy."""
    api = pytest.importorskip("mypy.api")
    stdout, stderr, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--python-version",
            "3.10",
            str(TESTS / "typing_checks.py"),
        ]
    )
    assert status == 0, stdout + stderr


@pytest.mark.slow
def test_wheel_installs_alone_and_runs(tmp_path: Path) -> None:
    """A built wheel installs into a fresh venv with the four run-time dependencies and works."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("paperlist-0.1.0-*.whl")
    environment = tmp_path / "fresh"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    requires = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m; print(sorted(m.requires('paperlist')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    required = ast.literal_eval(requires.strip())
    # Run-time dependencies are exactly these; pandas and pyarrow only as extras.
    assert [name for name in required if "extra ==" not in name] == [
        "attrs>=23.1", "cattrs>=23.2", "lxml>=5.0", "python-dateutil>=2.8.2",
    ]  # fmt: skip
    assert sorted(name for name in required if "extra ==" in name) == [
        "pandas>=2; extra == 'pandas'", "pyarrow>=14; extra == 'arrow'",
    ]  # fmt: skip
    shipped = subprocess.run(
        [
            str(python),
            "-c",
            "import paperlist, pathlib; p = pathlib.Path(paperlist.__file__).parent; "
            "print((p / 'py.typed').exists(), paperlist.sample_path().exists())",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert shipped.split() == ["True", "True"]
    help_text = subprocess.run(
        [str(environment / "bin" / "paperlist"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "--has-repo" in help_text
    sample = subprocess.run(
        [str(environment / "bin" / "paperlist"), "--sample", "--limit", "1"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert sample.splitlines()[-1] == "1 of 87 papers"


@pytest.mark.slow
def test_benchmark_runs_at_a_tiny_size() -> None:
    """The benchmark runs end to end; its verdicts at this size mean nothing (exit 0 or 3)."""
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--papers",
            "60",
            "--repeat",
            "1",
            "--filter-papers",
            "500",
            "--scaling-papers",
            "20",
            "--archive-files",
            "4",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode in (0, 3), result.stdout + result.stderr
    for figure in (
        "JSON loads / json.loads",
        "PaperInfo",
        "text loads",
        "HTML loads",
        "BeautifulSoup",
        "Listing.filter",
        "tracemalloc peak",
        "still held",
        "growth",
        "load_many of",
        "workers=1 / workers=2",
        "iter_load peak",
        "the archive through huggingface_hub",
        "import paperlist",
    ):
        assert figure in result.stdout
