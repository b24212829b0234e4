"""Pandu SOP: SOPs, guided runs and naskah dinas for small Indonesian government offices."""


def __getattr__(name: str) -> str:
    """`__version__` is read when first asked for, so a command that never shows it does not
    read pyproject.toml or the installed metadata at start."""
    if name == "__version__":
        from desktop_app._version import find_version

        globals()["__version__"] = version = find_version()
        return version
    raise AttributeError(f"module 'desktop_app' has no attribute {name!r}")
