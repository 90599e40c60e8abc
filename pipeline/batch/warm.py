"""Loaded by the forkserver before it forks any worker (a preload module, see
:func:`.workers.worker_context`): importing it converts a few lines, which loads the lexicon,
jieba's dictionary once. Every worker then forks with them in memory
(shared copy-on-write) instead of loading them again, one after the other, at its start."""

from __future__ import annotations

from ..convert import convert_bytes
from ..isolate import warm_up_document
from ..lexicon import load_lexicon

LEXICON = load_lexicon()  # the lexicon object workers find in load_lexicon's cache
convert_bytes(warm_up_document(), "warm-up.txt", lexicon=LEXICON)
