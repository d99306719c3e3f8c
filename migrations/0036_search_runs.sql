-- 0036: a Chinese word never matches across punctuation. The bc_fold tokenizer
-- (server/fts.c) now starts each run of Chinese in a document with a term no query can
-- write, so the phrase of a word's characters cannot span the mark between two runs:
-- "会谈双方" no longer finds "会谈。双方". The index is rebuilt from the rows it holds,
-- with the tokenizer as it is now (as 0032 did).
INSERT INTO search_index(search_index) VALUES ('rebuild');
