"""What a program ran on, as the verification stamp and build/verification.json report it.

Runs inside the program's own process after its last line, so it reports that process's devices.
It asks TensorFlow only if the program imported it: a NumPy or scikit-learn program ran on the CPU.
"""

from __future__ import annotations

import sys


def describe(tf=None) -> str:
    """`CPU`, or `GPU: <name>, <name>` with every GPU TensorFlow sees, in its order."""
    tf = tf or sys.modules.get("tensorflow")
    if tf is None:
        return "CPU"
    names = gpu_names(tf)
    return "GPU: " + ", ".join(names) if names else "CPU"


def gpu_names(tf) -> list[str]:
    return [tf.config.experimental.get_device_details(g).get("device_name", g.name)
            for g in tf.config.list_physical_devices("GPU")]


def missing_gpu(tf) -> str | None:
    """Why a run that must use a GPU (REQUIRE_GPU=1) cannot, or None when TensorFlow sees one."""
    if gpu_names(tf):
        return None
    return ("REQUIRE_GPU=1 but TensorFlow sees no GPU: check the driver and the GPU requirements "
            "(make test FLAVOR=gpu)")


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
