"""The project's rules for its GitHub Actions workflows, each finding as `path:line: what is wrong`.

actionlint checks that a workflow is valid and zizmor that it is not open to the known attacks;
these rules say what this project promises on top (README, "Continuous integration"):
- every workflow starts from `permissions: contents: read`; only the deploying job may write Pages;
- every action is pinned to a full commit SHA, its version in a comment on the same line;
- checkouts do not keep the token (`persist-credentials: false`);
- the site is deployed only from the artifact of a job that ran the README's test command: the
  deploying job `needs` it and runs nothing itself;
- a job on a self-hosted runner never runs a fork's pull request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.layout import display

TEST_COMMAND = "make test"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+)*\s*$")
SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"
BUILDS = re.compile(r"\b(mkdocs (gh-deploy|build)|make (build|notebooks)|handbook\.verify)\b")


class Located(dict):
    """A YAML mapping that remembers the line of each of its keys."""

    line: int = 1
    lines: dict


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    mapping = Located(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key, _ in node.value:
        mapping.lines[loader.construct_object(key)] = key.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass
class Workflow:
    path: Path
    text: list[str]
    data: Located

    def where(self, line: int) -> str:
        return f"{display(self.path)}:{line}"

    @property
    def triggers(self) -> set[str]:
        on = self.data.get(True, self.data.get("on", {}))  # YAML 1.1 reads the key `on` as True
        return {on} if isinstance(on, str) else set(on)

    def jobs(self):
        return self.data.get("jobs", {}).items()


def load(path: Path) -> Workflow:
    text = path.read_text(encoding="utf-8")
    return Workflow(path, text.splitlines(), yaml.load(text, Loader=_Loader))  # noqa: S506 - SafeLoader subclass


def _steps(job: Located) -> list[Located]:
    return job.get("steps", [])


def _uses(step: Located) -> str:
    return step.get("uses", "").split("@")[0]


def _deploys(job: Located) -> bool:
    return any(_uses(step) == "actions/deploy-pages" for step in _steps(job))


def _as_list(value) -> list:
    """`needs: cpu` and `needs: [cpu]` (and `runs-on`) mean the same."""
    return [value] if isinstance(value, str) else list(value)


def runs_test_command(job: Located) -> bool:
    return any(TEST_COMMAND in line.split("#")[0] for step in _steps(job) for line in step.get("run", "").splitlines())


def check(path: Path) -> list[str]:
    """Every rule broken by one workflow file."""
    workflow = load(path)
    findings = []
    findings += _least_privilege(workflow)
    findings += _pinned(workflow)
    findings += _no_kept_credentials(workflow)
    findings += _deploys_only_what_was_verified(workflow)
    findings += _self_hosted_runs_trusted_code(workflow)
    return findings


def _least_privilege(workflow: Workflow) -> list[str]:
    data = workflow.data
    if data.get("permissions") != {"contents": "read"}:
        line = data.lines.get("permissions", 1)
        return [f"{workflow.where(line)}: the workflow must start from `permissions: contents: read` "
                "and widen it per job"]
    findings = []
    for name, job in workflow.jobs():
        permissions = job.get("permissions", {})
        for scope in ("pages", "id-token"):
            if permissions.get(scope) == "write" and not _deploys(job):
                findings.append(f"{workflow.where(permissions.lines[scope])}: job {name} has `{scope}: write` but "
                                "does not deploy (only the job that uses actions/deploy-pages may)")
    return findings


def _pinned(workflow: Workflow) -> list[str]:
    findings = []
    for name, job in workflow.jobs():
        for step in _steps(job):
            uses = step.get("uses")
            if uses is None or uses.startswith(("./", "docker://")):
                continue
            line = step.lines["uses"]
            if not PINNED.match(uses):
                findings.append(f"{workflow.where(line)}: `{uses}` in job {name} is not pinned to a full commit SHA")
            elif not VERSION_COMMENT.search(workflow.text[line - 1]):
                findings.append(f"{workflow.where(line)}: `{uses}` in job {name} needs its version in a comment "
                                "(`# v1.2.3`)")
    return findings


def _no_kept_credentials(workflow: Workflow) -> list[str]:
    return [f"{workflow.where(step.lines['uses'])}: actions/checkout in job {name} must set "
            "`persist-credentials: false`"
            for name, job in workflow.jobs() for step in _steps(job)
            if _uses(step) == "actions/checkout" and step.get("with", {}).get("persist-credentials") is not False]


def _deploys_only_what_was_verified(workflow: Workflow) -> list[str]:
    findings, jobs = [], dict(workflow.jobs())
    for name, job in jobs.items():
        for step in _steps(job):
            if BUILDS.search(step.get("run", "")):
                findings.append(f"{workflow.where(step.lines['run'])}: job {name} executes or builds the site "
                                f"outside `{TEST_COMMAND}`: deploy the artifact of the verifying job instead")
        if not _deploys(job):
            continue
        if not any(runs_test_command(jobs.get(n, {})) for n in _as_list(job.get("needs", []))):
            findings.append(f"{workflow.where(job.line)}: job {name} deploys without needing a job that runs "
                            f"`{TEST_COMMAND}`")
        for step in _steps(job):
            if "run" in step:
                findings.append(f"{workflow.where(step.lines['run'])}: job {name} deploys and must run nothing "
                                "itself")
    return findings


def _self_hosted_runs_trusted_code(workflow: Workflow) -> list[str]:
    findings = []
    for name, job in workflow.jobs():
        if "self-hosted" not in _as_list(job.get("runs-on", [])):
            continue
        if "pull_request_target" in workflow.triggers:
            findings.append(f"{workflow.where(job.lines['runs-on'])}: job {name} runs on a self-hosted runner in a "
                            "workflow triggered by pull_request_target")
        guard = " ".join(str(job.get("if", "")).split())
        open_to_forks = SAME_REPOSITORY not in guard or any(
            not guard[m.end():].startswith(f" && {SAME_REPOSITORY}")
            for m in re.finditer(re.escape("github.event_name == 'pull_request'"), guard))
        if "pull_request" in workflow.triggers and open_to_forks:
            findings.append(f"{workflow.where(job.lines['runs-on'])}: job {name} runs on a self-hosted runner and "
                            f"would run a fork's pull request: guard it with `if: ... {SAME_REPOSITORY}`")
    return findings
