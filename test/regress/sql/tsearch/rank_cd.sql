-- ts_rank_cd: cover density ranking, float for float with PostgreSQL: covers of & | ! and
-- phrase queries, prefixes, weight-restricted operands, every normalization bit (4 is the
-- mean harmonic distance between extents), weights arrays and their errors, long documents
-- whose positions saturate.
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a & c'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a | c'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a <-> b'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a <2> c'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'b <-> a'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'x'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a & x'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, 'a & !x'::tsquery);
select ts_rank_cd('a:1 b:2 c:3'::tsvector, '!a'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, 'a & b & c'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, '(a | c) & b'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, 'a & a & b'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, 'a <-> (b | c)'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, 'a <-> !b'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, '(a <-> b) | (b <-> c)'::tsquery);
select ts_rank_cd('a:1,4,9 b:2,8 c:3'::tsvector, 'a <0> b'::tsquery);
select ts_rank_cd('a:1,2 b:1,2'::tsvector, 'a <0> b'::tsquery);
select ts_rank_cd('a:1A,4B b:2C c:3D'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('a:1A,4B b:2C c:3D'::tsvector, 'a:B & b'::tsquery);
select ts_rank_cd('a:1A,4B b:2C c:3D'::tsvector, 'a:C & b'::tsquery);
select ts_rank_cd('a:1A,4B b:2C c:3D'::tsvector, 'a:AB | c:D'::tsquery);
-- lexemes without positions are not in any cover
select ts_rank_cd('a b c'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('a b:3 c'::tsvector, 'b'::tsquery);
select ts_rank_cd('a:1 b:200 c:3'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('abc:1 abd:5 x:6'::tsvector, 'ab:* & x'::tsquery);
select ts_rank_cd('abc:1 abd:1 x:6'::tsvector, 'ab:* & x'::tsquery);
select ts_rank_cd('abc:1 abd:5 x:6'::tsvector, 'ab:* <-> x'::tsquery);
select ts_rank_cd('abc:1 abd:5 x:6'::tsvector, 'abc:* & x'::tsquery);
select ts_rank_cd(''::tsvector, 'a'::tsquery);
select ts_rank_cd('a:1'::tsvector, ''::tsquery);
select ts_rank_cd(''::tsvector, 'a'::tsquery, 63);
select ts_rank_cd('a:16383 b:16383'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('a:16383,16380 b:16383 c:16382'::tsvector, 'a & b & c'::tsquery);
-- normalizations, one bit at a time and together
select n, ts_rank_cd('a:1,5,9 b:2,10 c:3 d:4 e:7'::tsvector, 'a & b'::tsquery, n) from generate_series(0, 63) n order by n;
select n, ts_rank_cd('a:1,5,9 b:2,10 c:3 d:4 e:7'::tsvector, 'a <-> b'::tsquery, n) from generate_series(0, 7) n order by n;
select n, ts_rank_cd('a:1 b:2'::tsvector, 'a & b'::tsquery, n) from generate_series(0, 7) n order by n;
select ts_rank_cd('a:1 b:2'::tsvector, 'a & b'::tsquery, 64);
select ts_rank_cd('a:1 b:2'::tsvector, 'a & b'::tsquery, -1);
-- weights {D, C, B, A}; a negative one keeps the default
select ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', 'a:1A b:2B'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('{1, 1, 1, 1}', 'a:1A b:2B'::tsvector, 'a & b'::tsquery);
select ts_rank_cd('{0.5, -1, 0.3, 0}', 'a:1A b:2B c:3'::tsvector, 'a | c'::tsquery, 1);
select ts_rank_cd('{0, 0, 0, 0}', 'a:1A b:2B c:3'::tsvector, 'a & c'::tsquery);
select ts_rank_cd('{0.1, 0.2, 0.4, 1.0, 7}', 'a:1A b:2B'::tsvector, 'a & b'::tsquery, 4);
select ts_rank_cd('{0.1, 0.2, 0.4}', 'a:1'::tsvector, 'a'::tsquery);
select ts_rank_cd('{}'::real[], 'a:1'::tsvector, 'a'::tsquery);
select ts_rank_cd('{{0.1, 0.2}, {0.4, 1.0}}', 'a:1'::tsvector, 'a'::tsquery);
select ts_rank_cd('{0.1, 0.2, NULL, 1.0}', 'a:1'::tsvector, 'a'::tsquery);
select ts_rank_cd('{0.1, 0.2, 0.4, 1.5}', 'a:1'::tsvector, 'a'::tsquery, 2);
select ts_rank_cd(NULL::real[], 'a:1'::tsvector, 'a'::tsquery);
select ts_rank_cd('a:1'::tsvector, NULL::tsquery);
select ts_rank_cd('a:1'::tsvector, 'a'::tsquery, NULL);
-- ts_rank's weights array is read the same way
select ts_rank('{}'::real[], 'a:1'::tsvector, 'a'::tsquery);
-- text through configurations
select ts_rank_cd(to_tsvector('english', 'The quick brown fox jumps over the lazy dog. The fox is quick.'),
                  to_tsquery('english', 'quick & fox'));
select ts_rank_cd(to_tsvector('english', 'The quick brown fox jumps over the lazy dog. The fox is quick.'),
                  phraseto_tsquery('english', 'lazy dogs'), 4);
select ts_rank_cd(to_tsvector('english', 'The quick brown fox jumps over the lazy dog. The fox is quick.'),
                  websearch_to_tsquery('english', '"brown fox" -cat or dog'), 5);
select ts_rank_cd(setweight(to_tsvector('german', 'Die schönen Häuser'), 'A') || to_tsvector('german', 'Häuser am See, schöne Häuser'),
                  to_tsquery('german', 'Haus & schön'), 2);
select ts_rank_cd(to_tsvector('russian', 'быстрые лисы прыгали через ленивых собак, лисы'), to_tsquery('russian', 'лиса & собака'), 4);
select ts_rank_cd(to_tsvector('french', 'les chevaux mangeaient des pommes; les chevaux dorment'), to_tsquery('french', 'cheval <-> mang:*'));
select ts_rank_cd(to_tsvector('simple', '東京 中文 検索 東京'), to_tsquery('simple', '東京'), 4);
-- a long document: 255 positions per lexeme, positions saturating at 16383
select ts_rank_cd(to_tsvector('english', repeat('fox jumps over the dog ', 4000)), to_tsquery('fox & dog'));
select ts_rank_cd(to_tsvector('english', repeat('fox jumps over the dog ', 4000)), to_tsquery('fox & dog'), 4);
select ts_rank_cd(to_tsvector('english', repeat('fox jumps over the dog ', 4000)), to_tsquery('fox <-> jump'), 5);
select ts_rank_cd(to_tsvector('english', repeat('fox jumps over the dog ', 4000)), to_tsquery('fox | dog'), 63);
select ts_rank_cd(to_tsvector('english', repeat('a cat ', 20000) || 'fox dog'), to_tsquery('fox & dog & cat'), 4);
-- documents ranked in a query
create table docs (id int primary key, body text);
insert into docs values
  (1, 'Cover density ranking looks at how close the query words are in the document'),
  (2, 'The words of the query, spread far apart across a long document about ranking and density and other words'),
  (3, 'density ranking density ranking density ranking'),
  (4, 'Nothing relevant here'),
  (5, '');
select id, ts_rank_cd(to_tsvector('english', body), q) as r, ts_rank_cd(to_tsvector('english', body), q, 2|4) as r24
from docs, to_tsquery('english', 'density & ranking') q order by r desc, id;
select id, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', setweight(to_tsvector('english', body), 'B'), to_tsquery('english', 'word:* | query'), 32)
from docs order by id;
drop table docs;
