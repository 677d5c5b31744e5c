"""Every user-facing message template, in one place (spaCy's errors.py style).

Tests assert on these templates, so change the wording here and nowhere else.
"""

from __future__ import annotations


class CoopieError(Exception):
    """An error with a message meant for the user, printed as one line by the CLI."""


E_PATTERNS_MISSING = "patterns folder not found: {path}"
E_YAML = "{path}:{line}: invalid YAML: {problem}"
E_INPUT_MISSING = "{path}: no such file or folder"
E_INPUT_UNREADABLE = "{path}: cannot read: {reason}"
E_INPUT_EMPTY = "{path}: empty document"
E_INPUT_BINARY = "{path}: looks like a binary file, not text"
E_INPUT_ENCODING = "{path}: not valid UTF-8 (byte {position}); decoded as {encoding}"
E_INPUT_NOT_UTF8 = "{path}: not valid UTF-8 at byte {position} and no fallback encoding fits"
E_JSONL_BAD_JSON = "{path}:{line}: not valid JSON: {reason}"
E_JSONL_NOT_OBJECT = "{path}:{line}: a record must be a JSON object"
E_JSONL_NO_TEXT = "{path}:{line}: record has no string field 'text'"
E_UNSUPPORTED = "{path}: unsupported file type '{suffix}' (use .txt, .html, .htm or .jsonl)"
E_PIPELINE_FAILED = "{doc_id}: extraction failed: {reason}"
E_MODEL_STALE = ("model at {path} was built from other patterns (built {built}, patterns now "
                 "{current}); run `make model` or pass --rebuild")
E_OUTPUT_EXISTS = "{path}: output file exists; use --overwrite (or --resume) to replace it"
E_NO_INPUTS = "no input documents found in: {paths}"
E_GOLD_INVALID = "{path}: invalid gold file ({count} problems):\n{problems}"
E_BASELINE = "{path}: cannot read baseline: {reason}"
