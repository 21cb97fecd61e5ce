"""The GitHub Actions workflows are valid, safe, and ship only what the README's test command verified.

actionlint (validity) and zizmor (security, offline) must report nothing; the project's own rules
(tests/harness/workflow_rules.py) must hold for every workflow, and must catch each broken fixture
workflow under tests/fixtures/workflows/, naming its file and line.
"""

import subprocess
import sys
import types
from pathlib import Path

import pytest

from handbook import device
from handbook.layout import ROOT
from tests.harness import workflow_rules

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FIXTURES = ROOT / "tests" / "fixtures" / "workflows"
BIN = Path(sys.executable).parent


def test_actionlint_accepts_every_workflow():
    assert WORKFLOWS, "no workflow files found"
    result = subprocess.run([str(BIN / "actionlint"), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--persona=pedantic", "--no-progress",
                             ".github/workflows"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "No findings" in result.stdout, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_keeps_the_project_rules(path):
    assert workflow_rules.check(path) == []


def test_the_readme_test_command_is_what_ci_runs_and_deploys():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")
    jobs = {name: job for path in WORKFLOWS for name, job in workflow_rules.load(path).jobs()}
    assert workflow_rules.runs_test_command(jobs["cpu"])
    uploaded = [s for s in jobs["cpu"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert uploaded and uploaded[0]["with"]["path"] == "build/site", "the deployed site must be the one the tests built"
    assert "cpu" in jobs["deploy"]["needs"]


# Each fixture breaks one rule; the finding names the file and the line.
BROKEN_WORKFLOWS = {
    "deploy-without-verification.yml": [
        "18: job deploy executes or builds the site outside `make test`",
        "10: job deploy deploys without needing a job that runs `make test`",
        "18: job deploy deploys and must run nothing itself",
    ],
    "gpu-open-to-forks.yml": ["10: job gpu runs on a self-hosted runner and would run a fork's pull request"],
    "missing-permissions.yml": ["1: the workflow must start from `permissions: contents: read`"],
    "unpinned-action.yml": ["11: `actions/checkout@v4` in job cpu is not pinned to a full commit SHA"],
    "kept-credentials.yml": ["11: actions/checkout in job cpu must set `persist-credentials: false`"],
}


@pytest.mark.parametrize("name", sorted(BROKEN_WORKFLOWS))
def test_broken_workflow_fails_naming_file_and_line(name):
    findings = workflow_rules.check(FIXTURES / name)
    expected = [f"tests/fixtures/workflows/{name}:{e}" for e in BROKEN_WORKFLOWS[name]]
    assert len(findings) == len(expected), findings
    for start in expected:
        assert any(f.startswith(start) for f in findings), f"expected {start!r} in {findings}"


def _fake_tensorflow(*names: str) -> types.SimpleNamespace:
    """TensorFlow's device API as a host with these GPUs would answer it."""
    gpus = [types.SimpleNamespace(name=f"/physical_device:GPU:{i}") for i in range(len(names))]
    details = dict(zip((g.name for g in gpus), names))
    config = types.SimpleNamespace(
        list_physical_devices=lambda kind: gpus if kind == "GPU" else [],
        experimental=types.SimpleNamespace(get_device_details=lambda g: {"device_name": details[g.name]}),
    )
    return types.SimpleNamespace(config=config)


def test_device_description_names_every_gpu_in_order():
    assert device.describe(_fake_tensorflow("NVIDIA H100 80GB HBM3", "NVIDIA L4")) == \
        "GPU: NVIDIA H100 80GB HBM3, NVIDIA L4"
    assert device.describe(_fake_tensorflow()) == "CPU"


def test_require_gpu_stops_a_run_that_sees_no_gpu():
    assert device.missing_gpu(_fake_tensorflow("NVIDIA L4")) is None
    assert "TensorFlow sees no GPU" in device.missing_gpu(_fake_tensorflow())
