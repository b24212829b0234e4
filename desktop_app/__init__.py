"""Pandu SOP: SOPs, guided runs and naskah dinas for small Indonesian government offices."""

from desktop_app._version import find_version

__version__ = find_version()
