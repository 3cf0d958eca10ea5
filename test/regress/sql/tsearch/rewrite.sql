-- ts_rewrite(query, target, substitute) and ts_rewrite(query, select): PostgreSQL's
-- tsquery_rewrite (the query flattened and sorted, AND / OR matched by subsets of their
-- operands, what is left simplified), the cases of its own regression suite and more.
SELECT ts_rewrite('foo & bar & qq & new & york',  'new & york'::tsquery, 'big & apple | nyc | new & york & city');
SELECT ts_rewrite(ts_rewrite('new & !york ', 'york', '!jersey'), 'jersey', 'mexico');
SELECT ts_rewrite(to_tsquery('5 & (6 | 5)'), to_tsquery('5'), to_tsquery(''));
SELECT ts_rewrite(to_tsquery('!5'), to_tsquery('5'), to_tsquery(''));
SELECT ts_rewrite(tsquery_phrase('foo', 'foo'), 'foo', 'bar | baz');
SELECT to_tsvector('foo bar') @@ ts_rewrite(tsquery_phrase('foo', 'foo'), 'foo', 'bar | baz');
SELECT to_tsvector('bar baz') @@ ts_rewrite(tsquery_phrase('foo', 'foo'), 'foo', 'bar | baz');
SELECT ts_rewrite('a & b'::tsquery, 'a'::tsquery, 'c'::tsquery);
SELECT ts_rewrite('supernovae & crab'::tsquery, 'supernovae'::tsquery, 'supernovae|sn'::tsquery);
-- nothing matches: the query comes back flattened and sorted
SELECT ts_rewrite('b & a'::tsquery, 'x', 'y');
SELECT ts_rewrite('(d | c) & (b | a) & e'::tsquery, 'x', 'y');
SELECT ts_rewrite('c <-> b <-> a'::tsquery, 'x', 'y');
SELECT ts_rewrite('!(b & a)'::tsquery, 'x', 'y');
-- empty query or target: the query unchanged
SELECT ts_rewrite(''::tsquery, 'a', 'b');
SELECT ts_rewrite('b & a'::tsquery, '', 'c');
SELECT numnode(ts_rewrite(''::tsquery, 'a', 'b'));
-- empty substitute: removal, the empty query when nothing is left
SELECT ts_rewrite('a'::tsquery, 'a', '');
SELECT ts_rewrite('a & b'::tsquery, 'a & b', '');
SELECT ts_rewrite('a & b & c'::tsquery, 'a & b', '');
SELECT ts_rewrite('a | b | c'::tsquery, 'c | a', '');
SELECT ts_rewrite('!a'::tsquery, 'a', '');
SELECT ts_rewrite('!a & b'::tsquery, 'a', '');
SELECT ts_rewrite('a <-> b'::tsquery, 'a', '');
SELECT ts_rewrite('a <-> (b & c)'::tsquery, 'b & c', '');
SELECT ts_rewrite('(a | b) & (a | c)'::tsquery, 'a', '');
-- subsets of AND and OR
SELECT ts_rewrite('a & b & c & d'::tsquery, 'd & b', 'x');
SELECT ts_rewrite('a | b | c | d'::tsquery, 'd | b', 'x & y');
SELECT ts_rewrite('a & b & c & d'::tsquery, 'd | b', 'x');
SELECT ts_rewrite('a & (b & (c & d))'::tsquery, 'c & a', 'z');
SELECT ts_rewrite('a & b'::tsquery, 'a & b & c', 'z');
SELECT ts_rewrite('(a & b) | (a & b & c)'::tsquery, 'a & b', 'z');
-- NOT and PHRASE match only as a whole
SELECT ts_rewrite('!a & !b'::tsquery, '!a', 'x');
SELECT ts_rewrite('!(a & b)'::tsquery, 'a', 'x');
SELECT ts_rewrite('!(a & b)'::tsquery, 'b & a', 'x | y');
SELECT ts_rewrite('a <-> b & c'::tsquery, 'a <-> b', 'z');
SELECT ts_rewrite('a <-> b & c'::tsquery, 'b <-> a', 'z');
SELECT ts_rewrite('a <2> b & c'::tsquery, 'a <-> b', 'z');
SELECT ts_rewrite('a <2> b & c'::tsquery, 'a <2> b', 'z');
SELECT ts_rewrite('(a <-> b) <-> c'::tsquery, 'a <-> b', 'x & y');
SELECT ts_rewrite('a <-> (b | c)'::tsquery, 'c | b', 'x');
-- weights and prefixes are not compared; the query's own are what stays
SELECT ts_rewrite('a:A & b:*'::tsquery, 'a', 'x:B');
SELECT ts_rewrite('a:A & b:*'::tsquery, 'b:C', 'y:*');
SELECT ts_rewrite('a:A | a:B | a:C'::tsquery, 'x', 'y');
SELECT ts_rewrite('a:B | b | a:A | a:C | a:D | a | b:* | a:*'::tsquery, 'x', 'y');
SELECT ts_rewrite('a:B | a:A'::tsquery, 'a', 'z');
-- the substitute is not sorted, unless it goes into a node with other operands
SELECT ts_rewrite('a'::tsquery, 'a', 'z & y & x');
SELECT ts_rewrite('a & b'::tsquery, 'a', 'z & y & x');
SELECT ts_rewrite('a & b & c'::tsquery, 'a & c', 'z & y & x');
SELECT ts_rewrite('a & b & c'::tsquery, 'a & c', '(z | y) & x');
-- the substitute is not searched again
SELECT ts_rewrite('a & b'::tsquery, 'a', 'a & c');
SELECT ts_rewrite('a'::tsquery, 'a', 'a | a');
-- numbers, quotes and long queries
SELECT ts_rewrite('1 & 2 & 3 & 4 & 5 & 6 & 7 & 8 & 9 & 10 & 11 & 12'::tsquery, '3 & 7 & 11', 'x');
SELECT ts_rewrite('''new york'' & nyc'::tsquery, '''new york''', 'big <-> apple');
SELECT ts_rewrite('a'::tsquery, 'a', NULL), ts_rewrite(NULL, 'a', 'b'), ts_rewrite('a'::tsquery, NULL, 'b');

-- the query form: rows of (target, substitute) in turn
CREATE TABLE test_tsquery (txtkeyword TEXT, txtsample TEXT);
INSERT INTO test_tsquery VALUES
  ('''New York''', 'new <-> york | big <-> apple | nyc'),
  ('Moscow', 'moskva | moscow'),
  ('''Sanct Peter''', 'Peterburg | peter | ''Sanct Peterburg'''),
  ('foo & bar & qq', 'foo & (bar | qq) & city'),
  ('1 & (2 <-> 3)', '2 <-> 4'),
  ('5 <-> 6', '5 <-> 7');
ALTER TABLE test_tsquery ADD COLUMN keyword tsquery;
UPDATE test_tsquery SET keyword = to_tsquery('english', txtkeyword);
ALTER TABLE test_tsquery ADD COLUMN sample tsquery;
UPDATE test_tsquery SET sample = to_tsquery('english', txtsample::text);
SELECT ts_rewrite('moscow', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite('moscow & hotel', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite('bar & qq & foo & (new <-> york)', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite( 'moscow', 'SELECT keyword, sample FROM test_tsquery');
SELECT ts_rewrite( 'moscow & hotel', 'SELECT keyword, sample FROM test_tsquery');
SELECT ts_rewrite( 'bar & qq & foo & (new <-> york)', 'SELECT keyword, sample FROM test_tsquery');
SELECT ts_rewrite('1 & (2 <-> 3)', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite('1 & (2 <2> 3)', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite('5 <-> (1 & (2 <-> 3))', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite('5 <-> (6 | 8)', 'SELECT keyword, sample FROM test_tsquery'::text );
SELECT ts_rewrite( query, 'SELECT keyword, sample FROM test_tsquery' ) FROM to_tsquery('english', 'moscow') AS query;
SELECT ts_rewrite( query, 'SELECT keyword, sample FROM test_tsquery' ) FROM to_tsquery('english', 'moscow & hotel') AS query;
SELECT ts_rewrite( query, 'SELECT keyword, sample FROM test_tsquery' ) FROM to_tsquery('english', 'bar & qq & foo & (new <-> york)') AS query;
-- later rows see what earlier ones put in (after flattening and sorting again)
SELECT ts_rewrite('a & b'::tsquery, $$SELECT t::tsquery, s::tsquery FROM (VALUES (1, 'a', 'c'), (2, 'c', 'd & e'), (3, 'e & b', 'f')) v(n, t, s) ORDER BY n$$);
SELECT ts_rewrite('a & b'::tsquery, $$SELECT t::tsquery, s::tsquery FROM (VALUES (1, 'a', 'c & d'), (2, 'c & b', 'x')) v(n, t, s) ORDER BY n$$);
SELECT ts_rewrite('a & b & c'::tsquery, $$SELECT t::tsquery, s::tsquery FROM (VALUES (1, 'a & b', 'x'), (2, 'x & c', 'y')) v(n, t, s) ORDER BY n$$);
SELECT ts_rewrite('a | b'::tsquery, $$SELECT t::tsquery, s::tsquery FROM (VALUES (1, 'a', 'x | y'), (2, 'y | b', 'z')) v(n, t, s) ORDER BY n$$);
-- everything removed: the empty query; rows after that are not needed
SELECT ts_rewrite('a & b'::tsquery, $$SELECT t::tsquery, s::tsquery FROM (VALUES (1, 'a & b', ''), (2, 'x', 'y')) v(n, t, s) ORDER BY n$$);
-- NULL and empty targets, NULL substitutes are skipped
SELECT ts_rewrite('a & b'::tsquery, $$SELECT t::tsquery, s::tsquery FROM (VALUES (1, NULL, 'x'), (2, '', 'y'), (3, 'a', NULL), (4, 'b', 'z')) v(n, t, s) ORDER BY n$$);
SELECT ts_rewrite('a & b'::tsquery, 'SELECT keyword, sample FROM test_tsquery WHERE false');
SELECT ts_rewrite('b & a'::tsquery, $$SELECT 'x'::tsquery, 'y'::tsquery$$);
-- an empty query: the select is not even run
SELECT ts_rewrite(''::tsquery, 'SELECT 1');
SELECT ts_rewrite(''::tsquery, 'this is not sql');
SELECT ts_rewrite('a'::tsquery, NULL::text), ts_rewrite(NULL::tsquery, 'SELECT 1');
-- the select must return two tsquery columns
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample, keyword FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'SELECT txtkeyword, txtsample FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, txtsample FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample FROM test_tsquery WHERE false LIMIT 0');
SELECT ts_rewrite('a'::tsquery, $$SELECT 'a', 'b'$$);
-- and be one statement that returns rows
SELECT ts_rewrite('a'::tsquery, 'INSERT INTO test_tsquery (keyword, sample) VALUES (''x'', ''y'')');
SELECT ts_rewrite('a'::tsquery, 'DELETE FROM test_tsquery WHERE false');
SELECT ts_rewrite('a'::tsquery, 'UPDATE test_tsquery SET keyword = keyword WHERE false');
SELECT ts_rewrite('a'::tsquery, 'DELETE FROM test_tsquery WHERE false RETURNING keyword, sample');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample FROM test_tsquery; SELECT 1');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample FROM test_tsquery FOR UPDATE');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample INTO t2 FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'WITH d AS (DELETE FROM test_tsquery RETURNING *) SELECT keyword, sample FROM d');
SELECT ts_rewrite('a'::tsquery, 'CREATE TABLE t3 (a tsquery, b tsquery)');
SELECT ts_rewrite('a'::tsquery, 'SHOW search_path');
SELECT ts_rewrite('a'::tsquery, '');
-- errors of the select itself
SELECT ts_rewrite('a'::tsquery, 'SELEC keyword, sample FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample FROM no_such_table');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, nosuchcolumn FROM test_tsquery');
SELECT ts_rewrite('a'::tsquery, 'SELECT keyword, sample FROM test_tsquery WHERE 1/(length(txtkeyword) - length(txtkeyword)) = 1');
SELECT ts_rewrite('a'::tsquery, 'SELECT txtkeyword::tsquery, sample FROM test_tsquery');
SELECT count(*) FROM test_tsquery;
DROP TABLE test_tsquery;
