"""Batch extraction at archive scale: engines (in-process, a process pool, Dask) that turn a
stream of input documents into a stream of records in input order, and the sinks that write
them (JSONL or CSV) and resume an interrupted run."""
