"""What a program ran on, as the verification stamp and build/verification.json report it.

Runs inside the program's own process after its last line, so it reports that process's devices.
It asks TensorFlow only if the program imported it: a NumPy or scikit-learn program ran on the CPU.
"""

from __future__ import annotations

import sys


def describe() -> str:
    """`CPU`, or `GPU: <name>, <name>` with every GPU TensorFlow sees, in its order."""
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return "CPU"
    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return "CPU"
    return "GPU: " + ", ".join(tf.config.experimental.get_device_details(g).get("device_name", g.name)
                               for g in gpus)


def versions() -> dict[str, str]:
    import platform
    from importlib import metadata

    def version(*names: str) -> str:
        for name in names:
            try:
                return metadata.version(name)
            except metadata.PackageNotFoundError:
                pass
        return "not installed"

    return {"python": platform.python_version(), "tensorflow": version("tensorflow", "tensorflow-cpu"),
            "keras": version("keras"), "sklearn": version("scikit-learn")}
