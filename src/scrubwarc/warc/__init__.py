"""Stage 5, WARC: vocabulary, record encoding, writer, readers, verify, unpack and WACZ."""
