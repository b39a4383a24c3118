"""`python -m outletdesk`: the same as the `outletdesk` command."""

import sys

from .cli import main

sys.exit(main())
