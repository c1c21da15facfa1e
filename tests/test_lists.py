"""List readers: FtM JSON lines, OpenSanctions targets.simple.csv, US CSL CSV; bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.entities.lists import (
    ErrorLog,
    ListFormatError,
    detect_format,
    iter_list,
    list_name,
)

FTM_GOOD = {
    "id": "acme-1",
    "schema": "Company",
    "properties": {
        "name": ["Acme Widget Works Ltd"],
        "alias": ["Acme Widgets"],
        "country": ["ru"],
        "topics": ["sanction"],
    },
}
SIMPLE_HEADER = (
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,"
    "emails,dataset,first_seen,last_seen,last_change"
)
CSL_HEADER = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
    "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
    "source_information_url,ids"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ftm_lines_load_and_bad_lines_are_reported(tmp_path: Path) -> None:
    sanction = {"id": "s1", "schema": "Sanction", "properties": {"entity": ["acme-1"]}}
    lines = [
        json.dumps(FTM_GOOD),
        '{"id": "broken", "schema": ',
        json.dumps({"id": "x", "properties": {}}),
        json.dumps(sanction),
        json.dumps({"id": "p1", "schema": "Person", "properties": {"name": ["Ivan Fictiv"]}}),
    ]
    path = _write(tmp_path, "demo.ftm.jsonl", "\n".join(lines) + "\n")
    log = ErrorLog()
    entries = list(iter_list(path, None, log))
    assert [e.id for e in entries] == ["acme-1", "p1"]
    assert entries[0].aliases == ["Acme Widgets"] and entries[0].countries == ["ru"]
    assert entries[0].list == "demo" and entries[0].source_row == 1
    assert [(e.row, e.reason.split(" ")[0]) for e in log.errors] == [(2, "broken"), (3, "missing")]
    assert "schema" in log.errors[1].reason and log.skipped == 1
    assert log.errors[0].line().startswith(f"{path}:2: broken JSON")


def test_simple_csv_loads_and_counts_bad_rows(tmp_path: Path) -> None:
    rows = [
        SIMPLE_HEADER,
        'nk-1,Company,Borealis Freight LLC,"Borealis Logistics;BFL",,cn;ru,,,,,,demo,,,',
        "nk-2,Person,,,,,,,,,,demo,,,",
        "nk-3,Company,Too few fields",
        "nk-4,Vessel,Sea Lark,,,,,,,,,demo,,,",
    ]
    path = _write(tmp_path, "targets.simple.csv", "\n".join(rows) + "\n")
    assert detect_format(path) == "simple"
    log = ErrorLog()
    entries = list(iter_list(path, None, log))
    assert [e.id for e in entries] == ["nk-1"]
    assert entries[0].aliases == ["Borealis Logistics", "BFL"]
    assert entries[0].countries == ["cn", "ru"]
    assert [(e.row, e.reason) for e in log.errors] == [
        (2, "empty name"),
        (3, "expected 15 fields, found 3"),
    ]
    assert log.skipped == 1


def test_csl_csv_maps_types_and_alt_names(tmp_path: Path) -> None:
    width = len(CSL_HEADER.split(","))

    def row(**cols: str) -> str:
        names = CSL_HEADER.split(",")
        return ",".join(f'"{cols.get(n, "")}"' for n in names[:width])

    text = "\n".join(
        [
            CSL_HEADER,
            row(
                _id="c1",
                source="Entity List (EL) - Bureau of Industry and Security",
                type="Entity",
                name="Nordlicht Optik GmbH",
                alt_names="Nordlicht; NL Optik",
            ),
            row(
                _id="c2",
                source="SDN",
                type="Individual",
                name="Tarik Fictional",
                nationalities="TR",
            ),
            row(_id="c3", source="SDN", type="Vessel", name="MV Gull"),
        ]
    )
    path = _write(tmp_path, "consolidated.csv", text + "\n")
    assert detect_format(path) == "csl"
    log = ErrorLog()
    entries = list(iter_list(path, "csl", log))
    assert [(e.id, e.schema_) for e in entries] == [("c1", "LegalEntity"), ("c2", "Person")]
    assert entries[0].aliases == ["Nordlicht", "NL Optik"]
    assert entries[1].countries == ["tr"] and not log.errors and log.skipped == 1


def test_wrong_columns_give_one_clear_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.csv", "first,last,city\nA,B,C\n")
    with pytest.raises(ListFormatError) as err:
        list(iter_list(path, "simple", ErrorLog()))
    message = str(err.value)
    assert "\n" not in message and "missing column(s) id, schema, name" in message
    with pytest.raises(ListFormatError, match="unknown list format"):
        detect_format(path)


@pytest.mark.parametrize("name,fmt", [("empty.jsonl", "ftm"), ("empty.csv", "csl")])
def test_empty_file_is_refused(tmp_path: Path, name: str, fmt: str) -> None:
    path = _write(tmp_path, name, "\n" if fmt == "ftm" else "")
    with pytest.raises(ListFormatError, match="empty file"):
        list(iter_list(path, fmt, ErrorLog()))
    with pytest.raises(ListFormatError, match="empty file"):
        detect_format(_write(tmp_path, "blank" + name, ""))


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="no such file"):
        iter_list(tmp_path / "nope.jsonl", "ftm", ErrorLog())
    path = _write(tmp_path, "x.jsonl", json.dumps(FTM_GOOD))
    with pytest.raises(ListFormatError, match="unknown list format 'xml'"):
        iter_list(path, "xml", ErrorLog())
    assert list_name(Path("/a/b/targets.simple.csv")) == "targets.simple"


def test_error_log_keeps_a_bounded_number_of_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "junk.jsonl", "not json\n" * 50 + json.dumps(FTM_GOOD) + "\n")
    log = ErrorLog(max_kept=10)
    assert [e.id for e in iter_list(path, "ftm", log)] == ["acme-1"]
    assert log.count == 50 and len(log.errors) == 10
    assert log.summary().startswith("50 bad rows skipped") and "(+40 more)" in log.summary()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=20))
def test_ftm_reader_never_crashes_on_garbage(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "g.jsonl"
    body = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    path.write_text(body + "\n" + json.dumps(FTM_GOOD) + "\n", encoding="utf-8")
    log = ErrorLog()
    entries = list(iter_list(path, "ftm", log))
    assert entries[-1].id == "acme-1"
    assert len(entries) + log.count + log.skipped >= 1


# Peak RSS from VmHWM of the child's own memory map (ru_maxrss would carry over the forking
# parent's peak across exec on Linux).
STREAM_SCRIPT = """
import re, sys
from pathlib import Path
from wirecheck.entities.lists import ErrorLog, iter_list
log = ErrorLog()
count = sum(1 for _ in iter_list(Path(sys.argv[1]), None, log))
status = Path("/proc/self/status").read_text()
peak_kb = int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1))
print(count, log.count, round(peak_kb / 1024))
"""


@pytest.mark.slow
def test_large_list_streams_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.ftm.jsonl"
    padding = "x" * 300
    with path.open("w", encoding="utf-8") as handle:
        for n in range(560_000):
            props = {"name": [f"Company {n} Trading"], "notes": [padding], "country": ["ru"]}
            handle.write(json.dumps({"id": f"e{n}", "schema": "Company", "properties": props}))
            handle.write("\n" if n % 100_000 else "\n{broken\n")
    size_mb = path.stat().st_size / 2**20
    assert size_mb > 200
    done = subprocess.run(
        [sys.executable, "-c", STREAM_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    count, errors, peak_mb = (int(x) for x in done.stdout.split())
    assert count == 560_000 and errors == 6
    print(f"streamed {size_mb:.0f} MB of FtM lines with peak RSS {peak_mb} MB")
    assert peak_mb < 200, f"peak RSS {peak_mb} MB while streaming a {size_mb:.0f} MB list"
