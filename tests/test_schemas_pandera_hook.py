"""pipeline.schemas hides hypothesis while it imports Pandera's strategies module (a startup
saving); a Pandera release without that module must not stop the pipeline from starting."""

from __future__ import annotations

import subprocess
import sys

_WITHOUT_STRATEGIES = """
import sys

class _Renamed:
    def find_spec(self, name, path=None, target=None):
        if name == "pandera.strategies.base_strategies":
            raise ModuleNotFoundError(name)
        return None

sys.meta_path.insert(0, _Renamed())
import pipeline.schemas  # noqa: F401
import hypothesis  # still importable afterwards
print("ok")
"""


def test_schemas_import_when_pandera_lacks_the_strategies_module():
    done = subprocess.run([sys.executable, "-c", _WITHOUT_STRATEGIES], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
