"""The GitHub Actions workflows are valid, and the jobs run what the README promises."""

import subprocess
import sys
from pathlib import Path

import yaml

from handbook.layout import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(sys.executable).with_name("actionlint")


def jobs() -> dict:
    return {name: job for path in WORKFLOWS for name, job in yaml.safe_load(path.read_text())["jobs"].items()}


def steps(job) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_actionlint_accepts_every_workflow():
    assert WORKFLOWS, "no workflow files found"
    result = subprocess.run([str(ACTIONLINT), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cpu_job_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme
    assert "make test" in steps(jobs()["cpu"]).splitlines()
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("make test")


def test_gpu_job_requires_a_gpu_on_a_self_hosted_runner():
    gpu = jobs()["gpu"]
    assert set(gpu["runs-on"]) == {"self-hosted", "linux", "gpu"}
    assert gpu["env"]["REQUIRE_GPU"] == "1"
    assert "make test FLAVOR=gpu" in steps(gpu)


def test_site_is_deployed_from_main():
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    assert deploy[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    assert "gh-deploy" in steps(deploy["jobs"]["deploy"])
