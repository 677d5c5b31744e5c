"""`--engine dask`: the same extraction on a Dask cluster.

Inputs are cut into partitions (groups of files, or line ranges of a JSONL file) that a
worker reads itself; each worker builds the pipeline once, in a `WorkerPlugin`, and returns
plain records. The client writes them in input order through the same sinks as the local
engine, so the records, `--resume` and `--format csv` are identical.
"""

from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline import errors
from pipeline.batch.local import ZonedExtractor
from pipeline.batch.spec import PipelineSpec
from pipeline.io.readers import (JSONL_SUFFIXES, InputDoc, expand_inputs, read_file,
                                 read_jsonl_lines)

FILES_PER_PARTITION = 64
LINES_PER_PARTITION = 2000
PARTITIONS_PER_WORKER = 3
PLUGIN_NAME = "coopie-pipeline"


@dataclass(frozen=True)
class Partition:
    """A piece of the input a worker reads on its own: files, or lines of one JSONL file."""

    files: tuple[tuple[str, str], ...] = ()   # (path, root) pairs
    jsonl: str | None = None
    first_line: int = 1
    last_line: int = 0

    def documents(self) -> Iterator[InputDoc]:
        """The partition's documents, with the same ids as the local engine gives them."""
        if self.jsonl is not None:
            yield from read_jsonl_lines(Path(self.jsonl), self.first_line, self.last_line)
        for path, root in self.files:
            yield from read_file(Path(path), Path(root))


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b"")) \
            + (1 if path.stat().st_size and not _ends_with_newline(path) else 0)


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, 2)
        return handle.read(1) == b"\n"


def partitions(inputs: list[str], files_per_partition: int = FILES_PER_PARTITION,
               lines_per_partition: int = LINES_PER_PARTITION) -> Iterator[Partition]:
    """Partitions of the inputs, in input order.

    Raises:
        CoopieError: stdin was given (workers cannot read it) or a path is missing.
    """
    if "-" in inputs:
        raise errors.UsageError(errors.E_DASK_STDIN)
    group: list[tuple[str, str]] = []
    for path, root in expand_inputs(inputs):
        if path.suffix.lower() in JSONL_SUFFIXES:
            if group:
                yield Partition(files=tuple(group))
                group = []
            total = _count_lines(path)
            for first in range(1, total + 1, lines_per_partition):
                yield Partition(jsonl=str(path), first_line=first,
                                last_line=min(total, first + lines_per_partition - 1))
            continue
        group.append((str(path), str(root)))
        if len(group) >= files_per_partition:
            yield Partition(files=tuple(group))
            group = []
    if group:
        yield Partition(files=tuple(group))


def _make_plugin(spec: PipelineSpec):
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):
        """Builds the pipeline once when a worker starts."""

        name = PLUGIN_NAME

        def __init__(self, spec: PipelineSpec) -> None:
            self.spec = spec
            self.extract = None

        def setup(self, worker) -> None:
            self.extract = ZonedExtractor(self.spec.load(), self.spec.max_chars)

        def teardown(self, worker) -> None:
            if self.extract is not None:
                self.extract.close()

    return PipelinePlugin(spec)


def extract_partition(partition: Partition, max_chars: int) -> list[dict]:
    """Task run on a worker: the records of one partition."""
    from distributed import get_worker

    return get_worker().plugins[PLUGIN_NAME].extract(list(partition.documents()))


def run_on_dask(spec: PipelineSpec, inputs: list[str], workers: int,
                scheduler: str | None) -> Iterator[list[dict]]:
    """Records partition by partition, in input order, from a Dask cluster.

    Args:
        scheduler: address of an existing scheduler (tcp://host:8786); None starts an
            embedded LocalCluster of `workers` processes with one thread each.
    Raises:
        CoopieError: Dask is not installed, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise errors.CoopieError(errors.E_DASK_MISSING) from err
    # The scheduler and nannies log every start and stop at INFO; keep the terminal for
    # coopie's own messages (--debug shows them).
    if not logging.getLogger().isEnabledFor(logging.INFO):
        logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="10s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        raise errors.CoopieError(errors.E_SCHEDULER.format(address=scheduler,
                                                           reason=err)) from err
    try:
        client.register_plugin(_make_plugin(spec), name=PLUGIN_NAME)
        window = max(1, len(client.scheduler_info()["workers"])) * PARTITIONS_PER_WORKER
        pending: deque = deque()
        for partition in partitions(inputs):
            pending.append(client.submit(extract_partition, partition, spec.max_chars,
                                         pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
