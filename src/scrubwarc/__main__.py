"""``python -m scrubwarc`` runs the command-line interface."""

from scrubwarc.cli.app import main

if __name__ == "__main__":
    main()
