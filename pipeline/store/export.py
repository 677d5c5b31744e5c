"""`coopie store export --parquet DIR`: the store as Parquet for pandas, polars, Spark or
DuckDB itself.

Claims are partitioned Hive-style by province (`national` for national figures) and year
(of the time the figure is about, else of publication; 0 for neither, because pandas
cannot read a Hive null partition beside others), so a reader that filters on them opens
only those files. Documents and entities are one file
each.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline import errors
from pipeline.store.facts import require_store
from pipeline.store.load import sql_literal

CLAIMS_PARTITIONED = """
COPY (
    SELECT * EXCLUDE (province), coalesce(province, 'national') AS province,
           coalesce(year(coalesce(time_end, time_start, published)), 0) AS year
    FROM claims
) TO '{folder}' (FORMAT PARQUET, PARTITION_BY (province, year), COMPRESSION zstd)
"""


def export_parquet(db: Path, folder: Path, overwrite: bool = False) -> dict[str, int]:
    """Write `folder`/claims/province=…/year=…/*.parquet, documents.parquet and
    entities.parquet; returns row counts.

    Raises:
        UsageError: the store is missing, or `folder` has files and `overwrite` is off.
    """
    import duckdb

    require_store(db)
    if folder.exists() and any(folder.iterdir()):
        if not overwrite:
            raise errors.UsageError(errors.E_FOLDER_EXISTS.format(path=folder))
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    with duckdb.connect(str(db), read_only=True) as connection:
        # COPY takes no parameters for its target: the path is quoted as an SQL literal.
        claims = sql_literal(str(folder / "claims"))
        connection.execute(CLAIMS_PARTITIONED.replace("'{folder}'", claims))
        for table in ("documents", "entities"):
            connection.execute(f"COPY {table} TO {sql_literal(str(folder / f'{table}.parquet'))} "
                               "(FORMAT PARQUET, COMPRESSION zstd)")
        for table in ("documents", "entities", "claims"):
            counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counts
