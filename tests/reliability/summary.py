"""The fault matrix's and the concurrency checks' summary at the end of the session.

A plugin (``pytest_plugins`` in tests/conftest.py), not this folder's conftest: under
xdist the controller never collects, so only hooks loaded at start-up see the reports.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
from _pytest.terminal import TerminalReporter

_results: list[dict[str, Any]] = []
_concurrency: list[tuple[str, str, dict[str, int]]] = []
RESULT_PROPERTY = "fault_case"
CONCURRENCY_PROPERTY = "concurrency"


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when != "call":
        return
    for name, value in report.user_properties:
        if name == RESULT_PROPERTY:
            _results.append(json.loads(value))
        elif name == CONCURRENCY_PROPERTY:
            what, tally = json.loads(value)
            _concurrency.append((what, report.outcome, tally))


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    write = terminalreporter.write_line
    if _concurrency:
        terminalreporter.section("concurrency")
        for what, outcome, tally in _concurrency:
            answers = ", ".join(f"{n} x {answer}" for answer, n in sorted(tally.items()))
            write(f"{what}: {outcome}: {answers}")
    if not _results:
        return
    terminalreporter.section("fault matrix")
    by_operation: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in _results:
        by_operation[result["operation"]].append(result)
    header = (
        f"{'operation':30} {'AWS calls':>9} {'cases':>5} {'faults injected':>15} "
        f"{'bad answers':>11} {'orphans':>7} {'retries converged':>17}"
    )
    write(header)
    write("-" * len(header))
    for operation in sorted(by_operation):
        rows = by_operation[operation]
        calls = len({r["position"] for r in rows})
        injected = sum(1 for r in rows if r["injected"])
        bad = sum(1 for r in rows if r["bad_first"])
        orphans = sum(1 for r in rows if r["orphans_after_first"] or r["orphans_after_retry"])
        converged = sum(1 for r in rows if _converged(r))
        write(
            f"{operation:30} {calls:>9} {len(rows):>5} {injected:>15} {bad:>11} {orphans:>7} "
            f"{f'{converged}/{len(rows)}':>17}"
        )
    write("")
    write("failing cases / cases, per fault kind:")
    kinds = sorted({r["fault"] for r in _results})
    write(f"{'operation':30} " + " ".join(f"{kind:>12}" for kind in kinds))
    for operation in sorted(by_operation):
        cells = []
        for kind in kinds:
            rows = [r for r in by_operation[operation] if r["fault"] == kind]
            cells.append(f"{sum(1 for r in rows if _failed(r))}/{len(rows)}")
        write(f"{operation:30} " + " ".join(f"{cell:>12}" for cell in cells))
    write("")
    write("failing cases (first answer -> retry: what is wrong):")
    for operation in sorted(by_operation):
        for r in sorted(by_operation[operation], key=lambda r: (r["fault"], r["position"])):
            if _failed(r):
                case = f"{operation} {r['fault']} @ {r['position']}"
                write(f"  {case}: {r['first']} -> {r['retry']}: {'; '.join(_what(r))}")


def _converged(r: dict[str, Any]) -> bool:
    return not (r["bad_retry"] or r["not_converged"] or r["orphans_after_retry"])


def _failed(result: dict[str, Any]) -> bool:
    return bool(_what(result))


def _what(r: dict[str, Any]) -> list[str]:
    found = []
    if not r["injected"]:
        found.append("fault not injected")
    if r["bad_first"]:
        found.append(f"bad answer ({r['bad_first']})")
    if r["orphans_after_first"]:
        found.append(f"orphans after the answer: {', '.join(r['orphans_after_first'])}")
    if r["bad_retry"]:
        found.append(r["bad_retry"])
    if r["not_converged"]:
        found.append(f"not converged: {', '.join(r['not_converged'])}")
    if r["orphans_after_retry"]:
        found.append(f"orphans after the retry: {', '.join(r['orphans_after_retry'])}")
    return found
