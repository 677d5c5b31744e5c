"""Province pattern files (patterns/provinces/*.yml): loading, validation, generation and
trial runs, for people who extend coopie without touching Python."""
