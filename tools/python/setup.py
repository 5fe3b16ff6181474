"""Build hook of the edgesim Python package: builds libEdgeSimABI (Swift, release) and ships it.

`pip install ./tools/python` runs `swift build -c release --product EdgeSimABI` in the
repository (with the Swift standard library linked statically when the toolchain
supports it, so the library needs only libc, libstdc++ and zlib at run time) and
copies the library and Sources/EdgeSimABI/include/edgesim.h into the package. With EDGESIM_LIBRARY
set at build time, that prebuilt library is packaged instead of building.
The wheel is tagged for the platform, not the Python version: ctypes needs no
CPython ABI.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.bdist_wheel import bdist_wheel
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
SCRATCH = REPOSITORY / ".build" / "python"
LIBRARY_NAMES = ("libEdgeSimABI.so", "libEdgeSimABI.dylib")


def swift_build(static_stdlib: bool) -> subprocess.CompletedProcess:
    command = ["swift", "build", "-c", "release", "--product", "EdgeSimABI", "--scratch-path", str(SCRATCH)]
    if static_stdlib:
        command += ["-Xswiftc", "-static-stdlib"]
    print("edgesim: " + " ".join(command), file=sys.stderr)
    return subprocess.run(command, cwd=REPOSITORY)


def native_library() -> Path:
    """The library to package: $EDGESIM_LIBRARY, or a fresh release build."""
    prebuilt = os.environ.get("EDGESIM_LIBRARY")
    if prebuilt:
        path = Path(prebuilt)
        if not path.is_file():
            raise SystemExit(f"edgesim: EDGESIM_LIBRARY={prebuilt} is not a file")
        return path
    if not (REPOSITORY / "Package.swift").is_file():
        raise SystemExit(f"edgesim: no Package.swift in {REPOSITORY}: build from the edgesim repository, "
                         "or set EDGESIM_LIBRARY to a prebuilt libEdgeSimABI")
    if shutil.which("swift") is None:
        raise SystemExit("edgesim: the Swift toolchain (6.1 or later) is not on PATH")
    static = sys.platform.startswith("linux") and os.environ.get("EDGESIM_STATIC_STDLIB", "1") != "0"
    if swift_build(static).returncode != 0:
        if not static:
            raise SystemExit("edgesim: swift build failed")
        print("edgesim: the static-stdlib build failed; building against the toolchain's shared runtime",
              file=sys.stderr)
        if swift_build(False).returncode != 0:
            raise SystemExit("edgesim: swift build failed")
    for name in LIBRARY_NAMES:
        candidate = SCRATCH / "release" / name
        if candidate.is_file():
            return candidate
    raise SystemExit(f"edgesim: swift build succeeded but no library is in {SCRATCH / 'release'}")


class BuildPyWithNativeLibrary(build_py):
    def run(self):
        super().run()
        library = native_library()
        package = Path(self.build_lib) / "edgesim"
        (package / "_lib").mkdir(parents=True, exist_ok=True)
        for stale in (package / "_lib").glob("libEdgeSimABI.*"):
            stale.unlink()
        shutil.copy2(library, package / "_lib" / library.name)
        header = REPOSITORY / "Sources" / "EdgeSimABI" / "include" / "edgesim.h"
        if header.is_file():
            (package / "include").mkdir(parents=True, exist_ok=True)
            shutil.copy2(header, package / "include" / "edgesim.h")


class NativeDistribution(Distribution):
    """Carries a native library: the wheel is platform-specific and installs into platlib."""

    def has_ext_modules(self):
        return True


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(distclass=NativeDistribution, cmdclass={"build_py": BuildPyWithNativeLibrary, "bdist_wheel": PlatformWheel})
