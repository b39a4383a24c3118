"""Entry point of the bundled OutletDesk (same command line as the installed `outletdesk`)."""

import sys

from outletdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
