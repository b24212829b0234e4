"""Pandu SOP: SOPs, guided runs and naskah dinas for small Indonesian government offices."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pandu-sop")
except PackageNotFoundError:  # running from a checkout that was not installed
    __version__ = "0.0.0"
