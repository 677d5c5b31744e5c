"""A claim's `subject` (ANNOTATION.md §3): what is counted or measured, with qualifiers."""

from __future__ import annotations

import re

from pipeline.linking.segments import Mention, Span

# Words that end the counted noun phrase after a count ("245 cooperatives in agriculture").
PHRASE_STOP = {"in", "with", "and", "of", "by", "at", "to", "from", "were", "was", "are",
               "is", "have", "has", "had", "that", "which", "who", "per", "for", "on"}
MAX_PHRASE_WORDS = 6
METRIC_SUBJECTS = {"revenue": "revenue of cooperatives", "profit": "profit of cooperatives",
                   "income": "income of members and workers",
                   "capital": "capital of cooperatives", "share": "share of cooperatives",
                   "change": "change"}


def claim_subject(text: str, figure: Mention, metric: str, clause: Span) -> str:
    """The counted noun phrase after a count ('agricultural cooperatives applying high
    technology'), else the metric's usual subject."""
    if figure.label == "COUNT":
        words = re.findall(r"[\w'’-]+", text[figure.end:clause[1]])[:MAX_PHRASE_WORDS]
        phrase = []
        for word in words:
            if word.lower() in PHRASE_STOP:
                break
            phrase.append(word)
        if phrase:
            return " ".join(phrase)
    return METRIC_SUBJECTS.get(metric, "cooperatives")
