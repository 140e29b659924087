"""Allows `python -m jamlint`."""

from jamlint.cli import main

if __name__ == "__main__":
    main()
