"""Stage 1, bytes to a document: decoding, "what is this input", HTML parsing and article text."""
