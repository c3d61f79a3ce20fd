"""Stage 3, metadata: the ``Metadata`` record, from text and from HTML; bylines, dates, language."""
