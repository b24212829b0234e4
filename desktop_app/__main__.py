"""`python -m desktop_app`: the same program as the `pandu` command."""

import sys

from desktop_app.cli import main

sys.exit(main())
