"""Every example notebook, in each language, executed top to bottom in a fresh kernel.

The executed copy is what the site renders (docs/<lang>/examples/<slug>.ipynb).
"""

import re

import pytest

from hooks import notebooks

# Informational log lines, not warnings: TensorFlow in an interactive kernel logs
# "INFO:tensorflow:Assets written to: ..." when it saves a SavedModel, and the TFLite runtime
# "INFO: Created TensorFlow Lite XNNPACK delegate for CPU." They stay visible on the page.
INFO_LINE = re.compile(r"^(INFO:|I\d{4} )")


def test_notebook(example, record_property):
    try:
        run = notebooks.execute(example)
    except notebooks.NotebookFailed as exc:
        pytest.fail(str(exc), pytrace=False)
    record_property("device", run.stamp["device"])
    notebooks.write(run)
    warnings = [
        (index, output["text"])
        for index, cell in enumerate(run.notebook.cells, start=1)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
        and any(line.strip() and not INFO_LINE.match(line) for line in output["text"].splitlines())
    ]
    assert not warnings, (
        f"{example.name}: cell {warnings[0][0]} writes to stderr (a warning a reader would have "
        f"to ignore):\n{warnings[0][1]}"
    )
