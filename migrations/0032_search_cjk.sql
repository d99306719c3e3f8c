-- 0032: Chinese is searchable by word. The bc_fold tokenizer (server/fts.c) now makes
-- each Han character (and kana) a term of its own, so that a word of several characters
-- is the phrase of its characters and "会谈" finds "...举行会谈。" inside a longer run;
-- before, a whole run between punctuation marks was one term and only that whole run
-- matched. Polish, Swedish and Dutch words are matched as prefixes by the query side
-- (server/search.c), which needs no change here. The index of a store made before is
-- rebuilt from the rows it holds, with the tokenizer as it is now.
INSERT INTO search_index(search_index) VALUES ('rebuild');
