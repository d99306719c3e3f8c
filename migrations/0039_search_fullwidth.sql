-- 0039: fullwidth Latin letters and digits are searched as ASCII ones. The bc_fold
-- tokenizer (server/fts.c) now folds them with bc_text_fold_search ("ＡＢＣ１２３" is the
-- term "abc123"), and queries are narrowed the same way (server/search_query.c), so either
-- spelling finds the other. The index is rebuilt from the rows it holds, with the
-- tokenizer as it is now (as 0032 and 0036 did).
INSERT INTO search_index(search_index) VALUES ('rebuild');
