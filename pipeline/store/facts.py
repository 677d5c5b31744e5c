"""Facts and conflicts of a claims store.

A fact is what several claims state alike, with how many outlets and articles report it
and when it was first and last published. Alike means the same key and values within
0.5 % of each other. The key is issue 13's (metric, aggregate, per, unit, province or
national, time interval, status) and two more: the place within the province when a claim
is about a district or commune, and the subject as ANNOTATION.md §4 compares it, since one
article states the counts of agricultural cooperatives, of cooperative groups and of all
cooperatives of a province for the same day. Claims of one key whose values differ more
are a conflict: every value is kept with its sources, none is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import errors

KEY = ("metric", "aggregate", "per", "unit", "province", "place", "subject_key", "time_start",
       "time_end", "status")
TOLERANCE = 0.005

# Claims of one key in value order; a value more than TOLERANCE above the one before it
# starts a new group of values (a new fact).
GROUPED = f"""
WITH keyed AS (
    SELECT *, coalesce(value, (low + high) / 2) AS v,
           coalesce(province, 'national') AS where_
    FROM claims WHERE {{where}}
), ordered AS (
    SELECT *, lag(v) OVER (PARTITION BY {', '.join(KEY)} ORDER BY v) AS previous
    FROM keyed
), grouped AS (
    SELECT *, sum(CASE WHEN previous IS NULL
                       OR abs(v - previous) > {TOLERANCE} * greatest(abs(previous), 1e-9)
                  THEN 1 ELSE 0 END)
              OVER (PARTITION BY {', '.join(KEY)} ORDER BY v
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS value_group
    FROM ordered
)
"""
FACTS = GROUPED + f"""
SELECT metric, aggregate, per, unit, any_value(where_) AS province, place,
       min(subject) AS subject, time_start, time_end,
       status, min(v) AS value_low, max(v) AS value_high,
       count(DISTINCT outlet) AS outlets, count(DISTINCT doc_id) AS articles,
       min(published) AS first_published, max(published) AS last_published,
       list(DISTINCT url ORDER BY url) FILTER (WHERE url IS NOT NULL) AS urls,
       list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
FROM grouped GROUP BY {', '.join(KEY)}, value_group
ORDER BY metric, province, place NULLS FIRST, subject, time_start NULLS LAST, value_low
"""
CONFLICTS = GROUPED + f"""
, keys AS (
    SELECT {', '.join(KEY)} FROM grouped GROUP BY {', '.join(KEY)}
    HAVING count(DISTINCT value_group) > 1
)
SELECT dense_rank() OVER (ORDER BY {', '.join(f'g.{c}' for c in KEY)}) AS conflict,
       g.metric, g.aggregate, g.per, g.unit, g.where_ AS province, g.place, g.time_start,
       g.time_end, g.status, g.v AS value, g.subject, g.doc_id, g.outlet, g.url, g.published,
       g.evidence
FROM grouped g SEMI JOIN keys k ON {' AND '.join(f'g.{c} IS NOT DISTINCT FROM k.{c}' for c in KEY)}
ORDER BY g.metric, g.where_, g.place NULLS FIRST, g.subject_key, g.time_start NULLS LAST,
         g.v
"""


@dataclass
class Filters:
    """What `coopie store facts` may be narrowed to."""

    province: str | None = None
    metric: str | None = None
    start: str | None = None
    end: str | None = None
    status: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        conditions, parameters = ["TRUE"], []
        if self.province:
            national = self.province.lower() == "national"
            conditions.append("province IS NULL" if national else "province = ?")
            parameters += [] if national else [self.province]
        for column, value in (("metric", self.metric), ("status", self.status)):
            if value:
                conditions.append(f"{column} = ?")
                parameters.append(value)
        if self.start:
            conditions.append("time_start >= CAST(? AS DATE)")
            parameters.append(self.start)
        if self.end:
            conditions.append("time_end <= CAST(? AS DATE)")
            parameters.append(self.end)
        return " AND ".join(conditions), parameters


def require_store(db: Path) -> None:
    """Raises UsageError when `db` is no file: a query would create an empty store there."""
    if not db.is_file():
        raise errors.UsageError(errors.E_INPUT_MISSING.format(path=db))


def _query(db: Path, sql: str, filters: Filters) -> tuple[list[str], list[tuple]]:
    import duckdb

    require_store(db)
    where, parameters = filters.where()
    with duckdb.connect(str(db), read_only=True) as connection:
        cursor = connection.execute(sql.format(where=where), parameters)
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()


def facts(db: Path, filters: Filters = Filters()) -> tuple[list[str], list[tuple]]:
    """(columns, rows) of the facts matching `filters`."""
    return _query(db, FACTS, filters)


def conflicts(db: Path, filters: Filters = Filters()) -> tuple[list[str], list[tuple]]:
    """(columns, rows): every claim of a key whose reports disagree, with its source."""
    return _query(db, CONFLICTS, filters)
