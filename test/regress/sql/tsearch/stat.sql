-- ts_stat(select [, weights]): per lexeme, the documents holding it and its occurrences, in
-- PostgreSQL's order (its word tree walked: descending bytes, a word before its prefixes).
CREATE TABLE docs (id int, v tsvector, t text);
INSERT INTO docs VALUES
  (1, 'a:1 b:2 c:3', 'x'),
  (2, 'a:1,4 ab:2A abc:3B b:5C', 'y'),
  (3, 'b c:1A,2B,3C,4D d', 'z'),
  (4, NULL, 'w'),
  (5, '', 'v'),
  (6, 'zebra:7 apple:1,2,3 Apple:4 épée:5 ёж:6 東京:8 a:9D', 'u');
SELECT * FROM ts_stat('SELECT v FROM docs');
SELECT * FROM ts_stat('SELECT v FROM docs ORDER BY id DESC');
SELECT * FROM ts_stat('SELECT v FROM docs', 'A');
SELECT * FROM ts_stat('SELECT v FROM docs', 'ab');
SELECT * FROM ts_stat('SELECT v FROM docs', 'cD');
SELECT * FROM ts_stat('SELECT v FROM docs', 'Dx');
-- no weight it knows: no filter
SELECT * FROM ts_stat('SELECT v FROM docs', 'xyz');
SELECT * FROM ts_stat('SELECT v FROM docs', '');
SELECT * FROM ts_stat('SELECT v FROM docs', 'éA');
SELECT * FROM ts_stat('SELECT v FROM docs WHERE id = 2') ORDER BY ndoc DESC, nentry DESC, word;
SELECT word, ndoc FROM ts_stat('SELECT v FROM docs') WHERE nentry > 1;
SELECT ts_stat('SELECT v FROM docs WHERE id < 3');
SELECT (ts_stat('SELECT v FROM docs WHERE id < 3')).word;
SELECT count(*) FROM ts_stat('SELECT v FROM docs');
-- lexemes of documents built by to_tsvector, with setweight
SELECT * FROM ts_stat($$SELECT setweight(to_tsvector('english', t || ' runs running'), 'B') || to_tsvector('simple', 'the cat sat') FROM docs WHERE id < 4$$);
SELECT * FROM ts_stat($$SELECT setweight(to_tsvector('english', t || ' runs running'), 'B') || to_tsvector('simple', 'the cat sat') FROM docs WHERE id < 4$$, 'B');
-- no rows, only NULLs
SELECT * FROM ts_stat('SELECT v FROM docs WHERE false');
SELECT * FROM ts_stat('SELECT NULL::tsvector');
SELECT * FROM ts_stat('SELECT v FROM docs WHERE id = 5');
-- NULL arguments
SELECT * FROM ts_stat(NULL);
SELECT * FROM ts_stat('SELECT v FROM docs', NULL);
-- the select must return one tsvector column
SELECT * FROM ts_stat('SELECT t FROM docs');
SELECT * FROM ts_stat('SELECT v, v FROM docs');
SELECT * FROM ts_stat('SELECT v::text FROM docs');
SELECT * FROM ts_stat('SELECT v FROM docs WHERE false LIMIT 0', 'a');
SELECT * FROM ts_stat($$SELECT 'a b'$$);
CREATE DOMAIN tsv AS tsvector;
SELECT * FROM ts_stat('SELECT v::tsv FROM docs WHERE id = 1');
-- one statement that returns rows
SELECT * FROM ts_stat('INSERT INTO docs VALUES (7, ''q'')');
SELECT * FROM ts_stat('DELETE FROM docs WHERE false RETURNING v');
SELECT * FROM ts_stat('SELECT v FROM docs; SELECT v FROM docs');
SELECT * FROM ts_stat('');
SELECT * FROM ts_stat('SELECT v FROM docs FOR SHARE');
-- errors of the select itself
SELECT * FROM ts_stat('SELECT v FROM');
SELECT * FROM ts_stat('SELECT v FROM nosuchtable');
SELECT * FROM ts_stat('SELECT nosuchcolumn FROM docs');
SELECT * FROM ts_stat('SELECT t::tsvector FROM docs WHERE id < 1 / (id - id)');
SELECT count(*) FROM docs;
DROP TABLE docs;
DROP DOMAIN tsv;
