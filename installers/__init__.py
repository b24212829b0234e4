"""Building Pandu SOP for offices: the PyInstaller bundle, the Windows setup, the Linux tarball."""
