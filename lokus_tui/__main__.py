import sys

from lokus_tui.cli import main

sys.exit(main())
