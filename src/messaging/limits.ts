// Message size limits, apart from the schemas: content scripts read them without loading valibot.

/** Larger messages are refused before parsing: a page must not make the background allocate freely. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * The most prose a page sends to be matched (UTF-16 units): 4 MB, several times a 200k-word report. A
 * page with more is matched up to a block break within it.
 */
export const MAX_MATCH_TEXT = 2_000_000;
