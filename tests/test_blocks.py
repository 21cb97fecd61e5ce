"""Every fenced code block of every page: Python is executed, everything else is only shown."""

import pytest

from tests.conftest import Broken, current_device
from tests.harness import runner


def test_block(block, tmp_path, record_property):
    if isinstance(block, Broken):
        pytest.fail(block.message, pytrace=False)
    record_property("device", current_device())
    runner.run(block, tmp_path, str(block.path))
