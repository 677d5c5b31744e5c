"""`python -m pipeline …` runs the same typer app as the `coopie` command."""

from pipeline.cli import entry

if __name__ == "__main__":
    entry()
