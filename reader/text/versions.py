"""Versions of the analyses whose results the library stores.

Bump one when its analysis changes, so that libraries compute those results again. Kept apart
from the analyses so that checking a library costs no import of them.
"""

ALIGNER_VERSION = "4"
# What stands for the aligner's version in an alignment a bilingual file gave (TMX, XLIFF,
# a two-column table): it is current while the texts are, whatever the aligner's version.
FILE_ALIGNMENT = "file"
# Beads below this confidence are the "unsure rows" the window marks; the aligner's
# confidence model (reader.text.alignment) is calibrated for this line. Here, so that the
# window knows it without importing the aligner before its first paint.
UNSURE_BELOW = 0.5
FIGURE_EXTRACTOR_VERSION = "2"
# The translation check behind an article's "translations differ" flag (reader.text.figure_check).
FIGURE_CHECK_VERSION = "2"
