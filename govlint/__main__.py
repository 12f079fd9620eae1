"""Allow ``python -m govlint``."""

from govlint.cli import main

if __name__ == "__main__":
    main()
