"""Every user-facing message template, in one place (spaCy's errors.py style).

Tests assert on these templates, so change the wording here and nowhere else.
"""

from __future__ import annotations


class CoopieError(Exception):
    """An error with a message meant for the user, printed as one line by the CLI (exit 1)."""


class UsageError(CoopieError):
    """The command line asks for something that cannot be done as given: a missing input, a
    bad option value, an output that would be overwritten (exit 2, as for a bad option)."""


E_PATTERNS_MISSING = "patterns folder not found: {path}"
E_YAML = "{path}:{line}: invalid YAML: {problem}"
E_INPUT_MISSING = "{path}: no such file or folder"
E_INPUT_UNREADABLE = "{path}: cannot read: {reason}"
E_FOLDER_UNREADABLE = "{path}: cannot list folder: {reason}"
E_BROKEN_LINK = "{path}: broken or looping symbolic link (to {target})"
E_INPUT_EMPTY = "{path}: empty document"
E_INPUT_BINARY = "{path}: looks like a binary file, not text"
E_INPUT_ENCODING = "{path}: not valid UTF-8 (byte {position}); decoded as {encoding}"
E_JSONL_BAD_JSON = "{path}:{line}: not valid JSON: {reason}"
E_JSONL_NOT_OBJECT = "{path}:{line}: a record must be a JSON object"
E_JSONL_NO_TEXT = "{path}:{line}: record has no string field 'text'"
E_UNSUPPORTED = "{path}: unsupported file type '{suffix}' (use .txt, .html, .htm or .jsonl)"
E_PIPELINE_FAILED = "{doc_id}: extraction failed: {reason}"
E_MODEL_STALE = ("model at {path} was built from other patterns (built {built}, patterns now "
                 "{current}); run `make model` or pass --rebuild")
E_OUTPUT_EXISTS = "{path}: output exists; use --overwrite (or --resume) to replace it"
E_NO_INPUTS = "no input documents found in: {paths}"
E_GOLD_INVALID = "{path}: invalid gold file ({count} problems):\n{problems}"
E_BASELINE = "{path}: cannot read baseline: {reason}"
E_TOO_LONG = ("{doc_id}: document has {length:,} characters, more than the limit of "
              "{limit:,} (--max-chars)")
E_RESUME_MISMATCH = ("{path}: cannot resume: record {index} is '{written}' but input document "
                     "{index} is '{expected}'; the inputs changed since the first run")
E_RESUME_FORMAT = "{path}: cannot resume: it is not a {format} file written by coopie"
E_DASK_STDIN = "--engine dask reads files, not stdin: write the input to a file first"
E_DASK_MISSING = ("--engine dask needs the dask and distributed packages: "
                  "pip install 'dask[distributed]'")
E_SCHEDULER = "cannot reach the Dask scheduler at {address}: {reason}"
E_WORKERS = "--workers must be at least 1 (got {workers})"
E_FORMAT = "unknown --format '{format}' (use jsonl, csv or parquet)"
E_PARQUET_STDOUT = "--format parquet writes a folder of part files: give one with -o"
E_PARQUET_NOT_FOLDER = "{path}: --format parquet writes a folder, and this is a file"
E_DUPLICATE_ID = "{source}: duplicate id '{doc_id}' (first seen at {first}); both records kept"
E_PATTERN_PROBLEM = "{path}:{line}: {key}: {message}"
E_PATTERNS_INVALID = "invalid pattern files ({count} problems):\n{problems}"
E_PROVINCE_UNKNOWN = ("'{name}' is not a province, city or district in the gazetteer; "
                      "pass --parent PROVINCE to add it as a new region of a province")
E_PROVINCE_EXISTS = "{path} exists already; edit it (coopie never overwrites what you wrote)"
E_STORE_RECORD = "{path}:{line}: not an extract record, not loaded ({reason})"
E_STORE_PARQUET = "{path}: cannot read Parquet at row {row} ({reason}); rows before it are loaded"
E_REPORT_MISSING = ("coopie store report needs altair and vl-convert-python: "
                    "pip install 'coopie[report]'")
E_FOLDER_EXISTS = "{path}: folder has files; use --overwrite to replace them"
E_LANGUAGE_MISSING = "no vocabulary for language '{language}': {path} is missing"
