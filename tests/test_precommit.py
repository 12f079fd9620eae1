"""The pre-commit hook (``.pre-commit-hooks.yaml``) with the REAL pre-commit.

The current working tree of the project (dirty or not) is copied to a temporary directory
and committed there, so the hook repository is exactly what is checked out, on a
developer's machine as in CI. A second temporary repository uses that hook with the README's
``.pre-commit-config.yaml`` snippet as printed (only ``repo:`` and ``rev:`` point at the
copy) and tries commits under ``reports/``: a clean report goes through, a defective text
report and a Word report with a wrong 总计 are refused with ``file:line:col: CODE`` lines.

pre-commit builds the hook's environment with pip, so this needs the package index (or a
configured mirror). Without it the test fails -- it does not skip: a hook that cannot be
installed is a broken hook. Everything pre-commit, pip and virtualenv write goes to
temporary directories; git's global and system configuration are ignored.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLES = PROJECT / "examples"
CLEAN = "reports/clean-report-2023.txt"
DEFECTIVE = "reports/defective-report-2023.txt"
WORD = "reports/wrong-total-2023.docx"

#: Not copied into the hook repository: VCS data, environments, caches and build output.
IGNORED = shutil.ignore_patterns(
    ".git", ".hg", ".venv", "venv", ".tox", ".nox", "__pycache__", "*.pyc", "*.pyo",
    "build", "dist", "*.egg-info", ".eggs", ".pytest_cache", ".hypothesis", ".mypy_cache",
    ".ruff_cache", ".coverage", ".coverage.*", "htmlcov",
)

CONCISE_LINE = re.compile(rf"^{re.escape(DEFECTIVE)}:\d+:\d+: GOV2\d\d \S.*$", re.M)


@dataclass
class Sandbox:
    """The two repositories and the environment every command runs with."""

    hook_repo: Path
    repo: Path
    env: dict[str, str]

    def run(self, *args: str, cwd: Path | None = None, check: bool = True,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            list(args), cwd=cwd or self.repo, env=self.env, capture_output=True, text=True,
            encoding="utf-8", errors="replace", timeout=timeout,
        )
        if check and proc.returncode != 0:
            pytest.fail(f"{' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
        return proc

    def git(self, *args: str, cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("git", *args, cwd=cwd, check=check)

    def pre_commit(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "pre_commit", *args, check=check, timeout=timeout)


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT", "PRE_COMMIT_ALLOW_NO_CONFIG",
                 "SKIP", "GOVLINT_DEBUG", "PYTHONPATH"):
        env.pop(name, None)
    env.update(
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        PRE_COMMIT_COLOR="never",
        PIP_CACHE_DIR=str(home / "pip"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
        # The user's ~/.gitconfig (hooksPath, signing, templates) must not change the outcome.
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",
        PYTHONIOENCODING="utf-8",
    )
    return env


def _init_repo(sandbox: Sandbox, path: Path) -> None:
    sandbox.git("init", "-q", cwd=path)
    for key, value in (("user.name", "govlint test"), ("user.email", "test@example.invalid"),
                       ("commit.gpgsign", "false"), ("core.autocrlf", "false")):
        sandbox.git("config", key, value, cwd=path)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    assert (PROJECT / ".pre-commit-hooks.yaml").is_file()
    assert (EXAMPLES / Path(CLEAN).name).is_file() and (EXAMPLES / Path(DEFECTIVE).name).is_file()
    root = tmp_path_factory.mktemp("precommit")
    hook_repo, repo = root / "hook-repo", root / "repo"
    shutil.copytree(PROJECT, hook_repo, ignore=IGNORED)
    repo.mkdir()
    box = Sandbox(hook_repo, repo, _environment(root / "home"))

    _init_repo(box, hook_repo)
    box.git("add", "--all", "--force", ".", cwd=hook_repo)  # --force: the copy is what we test
    box.git("commit", "-q", "--no-verify", "-m", "govlint working tree", cwd=hook_repo)
    sha = box.git("rev-parse", "HEAD", cwd=hook_repo).stdout.strip()

    _init_repo(box, repo)
    (repo / ".pre-commit-config.yaml").write_text(readme_config(hook_repo.as_posix(), sha), encoding="utf-8")
    (repo / "reports").mkdir()
    for name in (CLEAN, DEFECTIVE):
        shutil.copyfile(EXAMPLES / Path(name).name, repo / name)
    (repo / WORD).write_bytes(_word_report_with_wrong_total())
    # Installs the git hook AND builds the hook environment (pip install of the copy): the
    # one expensive step, shared by the tests of this module.
    box.pre_commit("install", "--install-hooks", timeout=900)
    return box


def readme_config(repo: str, rev: str) -> str:
    """The README's pre-commit snippet as printed, with its repository and ``rev`` replaced."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## pre-commit"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    block, repos = re.subn(r"(?m)^(\s*- repo: )\S+", lambda m: m.group(1) + repo, block)
    block, revs = re.subn(r"(?m)^(\s*rev: )\S+", lambda m: m.group(1) + rev, block)
    assert repos == 1 and revs == 1, block
    return block


def _word_report_with_wrong_total() -> bytes:
    """A synthetic 2021-format Word report whose （七）总计 is not the sum of the results."""
    import random

    from formatkit import Sample, write_docx
    from govlint.synthetic import ReportSpec

    spec = ReportSpec.random(random.Random(5), template="2021")
    spec.applications["total"][0] += 2
    return write_docx(Sample(spec))


def test_manifest_is_valid(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(PROJECT / ".pre-commit-hooks.yaml")],
        capture_output=True, text=True, timeout=60, env=_environment(tmp_path),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_defective_report_is_refused_and_clean_report_goes_through(sandbox: Sandbox) -> None:
    sandbox.git("add", ".pre-commit-config.yaml", CLEAN)
    clean = sandbox.git("commit", "-m", "clean report", check=False)
    clean_output = clean.stdout + clean.stderr
    assert clean.returncode == 0, clean_output
    assert re.search(r"^govlint\.+Passed$", clean_output, re.M), clean_output

    sandbox.git("add", DEFECTIVE)
    refused = sandbox.git("commit", "-m", "defective report", check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(r"^govlint\.+Failed$", output, re.M), output
    assert "exit code: 1" in output, output  # findings, not a crash (2)
    assert CONCISE_LINE.search(output), output
    assert "GOV201" in output, output  # the missing section four
    assert CLEAN not in output, output  # only staged files are checked
    assert "README" not in output, output
    assert "Traceback" not in output, output

    log = sandbox.git("log", "--format=%s").stdout.splitlines()
    assert log == ["clean report"]
    committed = sandbox.git("ls-tree", "-r", "--name-only", "HEAD").stdout.split()
    assert sorted(committed) == [".pre-commit-config.yaml", CLEAN]


def test_run_on_all_files_lists_findings(sandbox: Sandbox) -> None:
    """``pre-commit run --files`` passes file names to ``govlint check`` as arguments."""
    proc = sandbox.pre_commit("run", "govlint", "--files", CLEAN, DEFECTIVE, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output
    assert CONCISE_LINE.search(output), output
    assert not re.search(rf"^{re.escape(CLEAN)}:\d+:\d+: [A-Z]+\d+ ", output, re.M), output


def test_word_report_with_a_wrong_total_is_refused(sandbox: Sandbox) -> None:
    """The README's snippet checks .docx reports: a wrong （七）总计 stops the commit."""
    sandbox.git("add", WORD)
    refused = sandbox.git("commit", "-m", "word report", check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert re.search(rf"^{re.escape(WORD)}:\d+:\d+: GOV302 \[错误\]", output, re.M), output
    assert "Traceback" not in output, output
    sandbox.git("reset", "-q", "HEAD", "--", WORD)
