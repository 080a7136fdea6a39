"""``python -m mtfix`` is the ``mtfix`` command."""

from mtfix.cli import main

if __name__ == "__main__":
    main()
