"""A claim's `subject` (ANNOTATION.md §3): what is counted or measured, with its
qualifiers, or the name of the one cooperative a figure is about."""

from __future__ import annotations

import re

from pipeline.linking.segments import Mention, Span

# Words that end a noun phrase ("245 cooperatives in agriculture", "revenue of X is").
PHRASE_STOP = {"in", "with", "and", "of", "by", "at", "to", "from", "were", "was", "are",
               "is", "have", "has", "had", "that", "which", "who", "per", "for", "on",
               "reached", "reaching", "stood", "hit", "totalled", "totaled", "amounted",
               "exceeded", "exceed", "exceeds", "rose", "increased", "fell", "decreased",
               "about", "around", "nearly", "over", "more", "estimated", "will", "would"}
MAX_PHRASE_WORDS = 6
WORD = re.compile(r"[\w'’-]+")
# A figure's "of"-phrase may carry one of these after the preposition: "revenue of a
# cooperative", "income of labourers in the cooperatives".
LINKING = {"of", "in", "per", "for"}
FALLBACK = "cooperatives"
# Counted nouns that say only that people are counted; what they are is named before.
PEOPLE_UNITS = {None, "person", "individual"}
NUMBER_OF = re.compile(r"\b(?:number|total)\s+of\s+(?:the\s+)?([\w'’ -]+?)\s+(?:is|was|are|were|"
                       r"reached|reaches|hit|stood|totalled|totaled|amounted)\b[^,;]*$",
                       re.IGNORECASE)
ARTICLES = {"a", "an", "the", "its", "their"}


def _phrase(words: list[str], stop: set[str] = PHRASE_STOP) -> list[str]:
    phrase = []
    for word in words[:MAX_PHRASE_WORDS]:
        if word.lower() in stop:
            break
        phrase.append(word)
    return phrase


def _counted_phrase(words: list[str], unit: str | None) -> list[str] | None:
    """The words from a count to its counted noun, "and" included: "27 agricultural
    production and service cooperatives" -> "agricultural production and service
    cooperatives". None when the noun is not within MAX_PHRASE_WORDS + 2 words."""
    if not unit:
        return None
    head = unit.split()[-1].lower().replace("-", "")
    for index, word in enumerate(words[:MAX_PHRASE_WORDS + 2]):
        lowered = word.lower().replace("-", "")
        if lowered.startswith(head):
            # ...and a participle phrase after it: "cooperatives applying high technology"
            rest = words[index + 1:]
            if not (rest and rest[0].lower().endswith(("ing", "ed"))):
                return words[:index + 1]
            return words[:index + 1] + _phrase(rest)[:max(0, MAX_PHRASE_WORDS - index - 1)]
        if lowered in PHRASE_STOP and lowered not in {"and", "or"}:
            return None
    return None


def measured_phrase(lead_in: str, cue: re.Match[str] | None) -> str | None:
    """The metric noun phrase before a figure: from its cue to the verb ("the average
    revenue of a cooperative is ..." -> "average revenue of a cooperative")."""
    if cue is None:
        return None
    modifiers = WORD.findall(lead_in[max(0, cue.start() - 20):cue.start()])[-1:]
    words = [w for w in modifiers if w.lower() in {"average", "total", "annual", "monthly",
                                                   "combined", "net"}]
    words += WORD.findall(cue.group(0))
    rest = WORD.findall(lead_in[cue.end():])
    if rest and rest[0].lower() in LINKING:
        tail = _phrase(rest[1:])
        if tail:
            words += [rest[0]] + tail
            # One more prepositional phrase: "income of labourers in the cooperatives".
            after = rest[1 + len(tail):]
            if after and after[0].lower() in LINKING:
                more = _phrase(after[1:])
                if more:
                    words += [after[0]] + more
    return " ".join(words)


def claim_subject(text: str, figure: Mention, metric: str, clause: Span,
                  cue: re.Match[str] | None, lead_in: str, coop: str | None,
                  only_coop: str | None = None) -> str:
    """The subject of a claim.

    A count names what it counts ('agricultural cooperatives applying high technology');
    a figure about one named cooperative takes its name (`coop`); an amount takes its
    metric phrase ('average revenue of a cooperative'); a share what it is a share of. In
    an article that names a single cooperative (`only_coop`), a measure (ha, tonnes) or an
    amount whose phrase says whose it is not ("profit of VND1 billion") is that one's.
    """
    if figure.label == "COUNT" and (figure.norm or {}).get("unit") in PEOPLE_UNITS:
        # "the total number of members of the funds is 4,422 people": members are counted
        number_of = NUMBER_OF.search(lead_in)
        if number_of:
            return number_of.group(1)
    if figure.label == "COUNT":
        after = WORD.findall(text[figure.end:clause[1]])
        phrase = _counted_phrase(after, (figure.norm or {}).get("unit")) or _phrase(after)
        if coop and metric not in {"org_count"}:
            return coop
        if phrase:
            return " ".join(phrase)
    if coop:
        return coop
    measured = measured_phrase(lead_in, cue)
    bare = measured is None or not any(w in measured.split() for w in LINKING)
    if only_coop and bare and figure.label in {"QUANTITY", "MONEY"}:
        return only_coop
    if figure.label == "PERCENT":
        after = WORD.findall(text[figure.end:clause[1]])
        if after[:1] and after[0].lower() == "of":
            start = 2 if after[1:2] and after[1].lower() == "the" else 1
            phrase = _phrase(after[start:])
            if phrase:
                return " ".join(phrase)
    if figure.label == "MONEY":
        # An amount's subject is whose it is (ANNOTATION.md §3: a cooperative's average
        # revenue has the subject "cooperatives"): "the average income of regular workers"
        # -> "regular workers".
        return holder(measured) or FALLBACK
    return measured or FALLBACK


def holder(measured: str | None) -> str | None:
    """The "of"-complement of a metric phrase, without its article: "total capital of the
    People's Credit Funds" -> "People's Credit Funds"; None when the phrase has none."""
    if not measured:
        return None
    words = measured.split()
    link = next((i for i, w in enumerate(words) if w.lower() in LINKING), None)
    if link is None:
        return None
    rest = words[link + 1:]
    while rest and rest[0].lower() in ARTICLES:
        rest = rest[1:]
    return " ".join(rest) or None


def named_cooperative(text: str, sentence: Span, paragraph: Span, coops: list[Mention],
                      back_reference: re.Pattern[str]) -> str | None:
    """The one cooperative a figure is about: the only COOP named in its sentence, or, when
    the sentence refers back ("The co-operative has 86 members", "It earned ..."), the last
    COOP named earlier in the paragraph."""
    named = {c.norm["name"] for c in coops if sentence[0] <= c.start < sentence[1]}
    if len(named) == 1:
        return named.pop()
    if named or not back_reference.match(text, sentence[0]):
        return None
    earlier = [c for c in coops if paragraph[0] <= c.start < sentence[0]]
    return earlier[-1].norm["name"] if earlier else None


# Metrics whose name says what a change of them is of: "average revenue of cooperatives".
NAMED_MONEY_METRICS = {"revenue", "profit", "income"}
COUNT_METRICS = {"org_count", "member_count", "worker_count", "product_count"}


def changed_subject(changed: dict) -> str:
    """The subject of a change of the claim `changed`: "number of cooperative groups",
    "average revenue of cooperatives", or that claim's own subject."""
    subject = changed.get("subject") or FALLBACK
    if changed.get("metric") in COUNT_METRICS:
        return f"number of {subject}"
    if changed.get("metric") in NAMED_MONEY_METRICS:
        average = "average " if changed.get("aggregate") == "average" else ""
        return f"{average}{changed['metric']} of {subject}"
    return subject
