"""The claims store: extract output in DuckDB, merged into facts and conflicts."""
