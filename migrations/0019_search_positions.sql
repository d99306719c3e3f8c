-- 0019: where a search hit is in its article. Each indexed chunk of an article has the
-- number of its paragraph (1-based, among the paragraphs indexed) and the byte offset of
-- the chunk in the article's text, so that the hits of one article
-- (/v1/search?paragraphs=true) are told apart and can be found in the text. Rows indexed
-- before this migration have no position (null) until `bordercoop load` re-indexes.
CREATE TABLE search_positions (
    rid       INTEGER PRIMARY KEY, -- search_index.rowid
    paragraph INTEGER NOT NULL CHECK (paragraph >= 1),
    offset    INTEGER NOT NULL CHECK (offset >= 0)
) STRICT;
