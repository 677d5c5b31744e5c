"""coopie: extract checkable claims about cooperatives from Vietnamese news.

Importing this package only registers the spaCy components; nothing is loaded until
`load()` is called.
"""

from __future__ import annotations

from pipeline.loading import load

__all__ = ["load"]
__version__ = "0.1.0"
