"""`python -m pipeline …` runs the same typer app as the `coopie` command."""

from pipeline.cli import app

if __name__ == "__main__":
    app()
