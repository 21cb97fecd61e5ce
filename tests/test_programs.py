"""Every program, executed once in its own process: each page's code file (docs_src/) and each
example notebook (examples/). Failures name the file and line and say how the program ended."""

import pytest


def test_program(program, verification, record_property):
    result = verification.result(program)
    record_property("device", result.device)
    if result.outcome == "skipped":
        pytest.skip(f"{program.name}: {result.message}")
    if result.outcome != "passed":
        pytest.fail(result.message, pytrace=False)
