"""Loaded by the forkserver before it forks any worker (a preload module, see
:mod:`..worker_server`): importing it converts a few lines, which loads the lexicon,
jieba's dictionary once. Every worker then forks with them in memory
(shared copy-on-write) instead of loading them again, one after the other, at its start.

The regular expressions and lexicon alternations the warm-up built are then stored, as ``jdx
convert`` stores its own (:mod:`..compiled_patterns`, :mod:`..kept_alternations`): the next
batch's server seeds them instead of compiling them again. Nothing is written once the store
holds them, nor under ``PYTHONDONTWRITEBYTECODE``."""

from __future__ import annotations

from .. import compiled_patterns, kept_alternations
from ..convert import convert_bytes
from ..isolate import warm_up_document
from ..lexicon import load_lexicon

LEXICON = load_lexicon()  # the lexicon object workers find in load_lexicon's cache
convert_bytes(warm_up_document(), "warm-up.txt", lexicon=LEXICON)
compiled_patterns.save()
kept_alternations.save()
