"""How `python -m pipeline.cli` ends: exit handlers run, the interpreter is not torn down
(freeing what Dagster, pandas and the rest left was about a second of CPU of every run)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from pipeline import settings

PROBE = textwrap.dedent("""
    import atexit, os, runpy, sys, threading

    class Freed:
        def __del__(self, write=os.write):  # late in a tear-down: write to the descriptor itself
            write(1, b"torn down\\n")

    kept = Freed()  # freed only when the interpreter tears its modules down
    atexit.register(lambda: print("exit handler ran"))
    if "--thread" in sys.argv:  # a thread that is not a daemon: the normal exit waits for it
        def work(write=os.write):
            __import__("time").sleep(0.5)
            write(1, b"thread done\\n")

        threading.Thread(target=work).start()
    print("printed, not flushed", end="")
    sys.argv = ["pipeline.cli", "export"]
    runpy.run_module("pipeline.cli", run_name="__main__")
""")


def _run(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {"NEWSEVENTS_DATA_DIR": str(tmp_path / "data"), "NEWSEVENTS_SEEDS_DIR": str(tmp_path / "seeds"),
           "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                          cwd=settings.PROJECT_ROOT, timeout=120)


def test_the_cli_ends_after_the_exit_handlers_without_tearing_down(tmp_path):
    done = _run(tmp_path)  # `export` on an empty data folder: says so, exit code 1
    assert done.returncode == 1, done.stderr
    assert "run `make run` first" in done.stderr
    assert done.stdout.startswith("printed, not flushed") and "exit handler ran" in done.stdout
    assert "torn down" not in done.stdout


def test_a_running_thread_gets_the_normal_exit(tmp_path):
    done = _run(tmp_path, "--thread")
    assert done.returncode == 1, done.stderr
    assert "exit handler ran" in done.stdout and "thread done" in done.stdout


def test_output_lost_at_the_final_flush_is_reported_not_a_success(tmp_path):
    """A closed pipe or a full disk at the last flush: the message and exit status 120 the
    normal exit gives, never 0 with the output silently gone."""
    probe = textwrap.dedent("""
        import sys
        from pipeline.cli import exit_now

        class Broken:
            name = "<stdout>"
            def write(self, text):
                return len(text)
            def flush(self):
                raise BrokenPipeError(32, "Broken pipe")

        sys.stdout = Broken()
        exit_now(0)
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=settings.PROJECT_ROOT, timeout=120)
    assert done.returncode == 120
    assert "Broken pipe" in done.stderr
