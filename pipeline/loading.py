"""Build, save and load the coopie pipeline.

`load()` returns a ready `Language`: the built pipeline in `models/coopie-en` when it was
built from the current `patterns/`, else a fresh build from `config.cfg` and `patterns/`
(ANNOTATION-independent; a stale build is never used silently).
"""

from __future__ import annotations

import logging
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from thinc.api import Config

from pipeline import errors, resources

CONFIG_PATH = Path(__file__).resolve().parent / "config.cfg"
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "coopie-en"
LANGUAGES = ("en", "vi")
# Tokenizer settings a language needs beyond config.cfg's.
TOKENIZER_SETTINGS = {"vi": {"split_number_pairs": True}}


def default_model_dir(language: str = "en") -> Path:
    """models/coopie-en, models/coopie-vi."""
    return MODELS_DIR / f"coopie-{language}"
CUSTOM_COMPONENTS = ("coopie_numbers", "coopie_dates", "coopie_places", "coopie_names",
                     "coopie_entity_resolver", "coopie_claims")
log = logging.getLogger(__name__)


def _register_components() -> None:
    """Import the component modules so their factories are registered."""
    from pipeline import tokenizer  # noqa: F401
    from pipeline.components import (  # noqa: F401
        claims, dates, names, numbers, places, resolver, ruler)


def build(patterns_dir: str | Path | None = None, language: str = "en") -> Language:
    """Build the pipeline from `config.cfg`, reading its rules from `patterns_dir`.

    Args:
        patterns_dir: a patterns folder; default $COOPIE_PATTERNS or the repo's `patterns/`.
        language: `en`, or `vi` for the same components on spaCy's Vietnamese language
            class, with the vocabulary of `patterns/vi/` over the shared one.
    Returns:
        An initialised `Language` whose meta records the patterns' hash.
    Raises:
        CoopieError: the patterns folder is missing or a file in it is invalid.
    """
    _register_components()
    folder = str(resources.patterns_dir(patterns_dir))
    validate_patterns(folder)
    if language != "en":
        resources.load_language_files(folder, language)  # a clear error if it has none
    config = Config().from_disk(CONFIG_PATH)
    config["nlp"]["lang"] = language
    config["nlp"]["tokenizer"].update(TOKENIZER_SETTINGS.get(language, {}))
    for name in CUSTOM_COMPONENTS:
        config["initialize"]["components"].setdefault(name, {})["patterns_dir"] = folder
    config["initialize"]["components"]["gazetteer_ruler"]["patterns"]["patterns_dir"] = folder
    # The language class from our config alone: spacy.blank("vi") would first make spaCy's
    # default Vietnamese tokenizer, which needs pyvi.
    nlp = spacy.util.get_lang_class(language).from_config(config)
    nlp.initialize()
    nlp.meta["name"] = "coopie"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["coopie_patterns_hash"] = resources.patterns_hash(folder)
    return nlp


def validate_patterns(patterns_dir: str | Path) -> None:
    """Refuse invalid province files with `coopie patterns check`'s messages.

    Raises:
        CoopieError: every problem, one a line.
    """
    from pipeline.authoring.check import check_paths

    problems, _ = check_paths([Path(patterns_dir) / "provinces"],
                              set(resources.load_shared_files(patterns_dir)["cues"]))
    if problems:
        raise errors.CoopieError(errors.E_PATTERNS_INVALID.format(
            count=len(problems), problems="\n".join(problems)))


def save(nlp: Language, path: str | Path = DEFAULT_MODEL_DIR) -> Path:
    """Write a built pipeline to disk; `spacy.load(path)` then works in any process."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no models/ folder
    nlp.to_disk(path)
    return path


def load(model: str | Path | None = None, patterns_dir: str | Path | None = None,
         rebuild_stale: bool = True, language: str = "en") -> Language:
    """The pipeline of a language, ready to run.

    Args:
        model: a built pipeline folder; default `models/coopie-<language>` when it exists.
        patterns_dir: the patterns the pipeline must reflect (default: the repo's).
        rebuild_stale: rebuild in memory when the model was built from other patterns;
            when False, a stale model raises instead.
    Raises:
        CoopieError: a stale model with `rebuild_stale=False`, or invalid patterns.
    """
    model_path = Path(model) if model else default_model_dir(language)
    if not model_path.exists():
        if model:
            raise errors.UsageError(errors.E_INPUT_MISSING.format(path=model_path))
        return build(patterns_dir, language)
    _register_components()
    # The hash is read from meta.json before loading: a model of older patterns may hold
    # data the current code no longer reads, so it is rebuilt, never loaded.
    built = srsly.read_json(model_path / "meta.json").get("coopie_patterns_hash") \
        if (model_path / "meta.json").is_file() else None
    current = resources.patterns_hash(patterns_dir)
    if built != current:
        if not rebuild_stale:
            raise errors.CoopieError(errors.E_MODEL_STALE.format(
                path=model_path, built=built, current=current))
        log.info("model %s is stale (patterns changed); rebuilding in memory", model_path)
        return build(patterns_dir, language)
    return spacy.load(model_path)
