"""Installation script of sage_tropnet.

Sage is not in ``install_requires``: a user of an existing SageMath runs
``sage -pip install .``; on a fresh machine the extra ``[passagemath]`` brings
Sage from the passagemath wheels.
"""
import os

from setuptools import Extension, find_packages, setup
from Cython.Build import cythonize

HERE = os.path.dirname(os.path.abspath(__file__))


def _popcount_flag():
    """
    The compiler flag for the hardware popcount instruction, when this x86-64
    machine has it (the kernel counts bits in its inner loop).
    """
    import platform
    if platform.machine() not in ("x86_64", "AMD64"):
        return []
    try:
        with open("/proc/cpuinfo") as f:
            return ["-mpopcnt"] if " popcnt" in f.read() else []
    except OSError:
        return []
with open(os.path.join(HERE, "VERSION")) as f:
    VERSION = f.read().strip()
with open(os.path.join(HERE, "README.rst")) as f:
    LONG_DESCRIPTION = f.read()

setup(
    name="sage_tropnet",
    version=VERSION,
    description="Tropical geometry of ReLU neural networks in SageMath: "
                "exact linear regions, Newton polytopes, Hoffman constants",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/x-rst",
    license="GPL-2.0-or-later",
    packages=find_packages(include=["sage_tropnet", "sage_tropnet.*"]),
    ext_modules=cythonize(
        [Extension("sage_tropnet.regions.kernel", ["sage_tropnet/regions/kernel.pyx"],
                   extra_compile_args=["-O2"] + _popcount_flag())],
        compiler_directives={"language_level": 3}, quiet=True),
    package_data={"sage_tropnet.regions": ["kernel.pyx"]},
    python_requires=">=3.11",
    install_requires=["numpy", "scipy", "tqdm"],
    extras_require={
        "passagemath": ["passagemath-standard>=10.8,<10.9"],
        "test": ["pytest", "hypothesis", "pandas", "nbmake", "nbformat", "ipykernel",
                 "dask[distributed]", "pyarrow", "matplotlib", "scikit-learn"],
        # the documentation; sphinx-mathjax-offline ships MathJax with the HTML
        "doc": ["passagemath-docbuild", "furo", "sphinx-mathjax-offline"],
        # a Jupyter front end for the worksheets (kernel "sagemath" from passagemath-repl)
        "notebook": ["notebook>=7", "ipywidgets"],
        "experiments": ["dask[distributed]", "pandas", "pyarrow"],
        "torch": ["torch"],
        "onnx": ["onnx"],
        "keras": ["keras"],
        "peers": ["regioncam", "affinitree"],
    },
    entry_points={"console_scripts": ["sage-tropnet = sage_tropnet.cli:main"]},
    classifiers=[
        "Programming Language :: Python :: 3",
        "Topic :: Scientific/Engineering :: Mathematics",
        "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)",
    ],
)
