"""YAML with the line of every key and list item, for messages like
`patterns/provinces/thai-binh.yml:14: places[2].level: ...`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Lines = dict[str, int]


def _walk(node: yaml.Node, path: str, lines: Lines) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = f"{path}.{key.value}" if path else str(key.value)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, f"{path}[{index}]", lines)


def load_with_lines(path: Path) -> tuple[Any, Lines]:
    """Parsed data and a map from key path ('places[2].level') to its 1-based line.

    Raises:
        yaml.MarkedYAMLError: the file is not valid YAML.
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        lines: Lines = {}
        if node is None:
            return None, lines
        _walk(node, "", lines)
        return loader.construct_document(node), lines  # one parse for both
    finally:
        loader.dispose()


def line_of(lines: Lines, path: str) -> int:
    """The line of `path`, else of its nearest parent that has one (1 if none)."""
    while path and path not in lines:
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get(path, 1)
