-- tsvector literals: input and output, ordering, btree index, and the functions that need no
-- text-search parser or dictionary (length, strip, setweight, ts_delete, ts_filter,
-- tsvector_to_array, array_to_tsvector, unnest, ||), with casts to and from text.

-- lexemes are sorted and duplicates merged
select 'a b c'::tsvector;
select 'c b a'::tsvector;
select 'b a b a c'::tsvector;
select '  a   b	c  '::tsvector;
select 'foo bar foo baz'::tsvector;
select 'B a b A'::tsvector;
select 'aa a aaa ab'::tsvector;
select '1 2 10 02'::tsvector;
-- the empty tsvector
select ''::tsvector;
select '   '::tsvector;
select length(''::tsvector), ''::tsvector = '   '::tsvector;
-- quoting with single quotes and backslashes
select $$'a b' c$$::tsvector;
select $$'don''t' stop$$::tsvector;
select $$'\'quoted\'' x$$::tsvector;
select $$a\ b c$$::tsvector;
select $$back\\slash$$::tsvector;
select $$'with:colon' plain$$::tsvector;
select $$'a' 'a' 'b'$$::tsvector;
select 'ünï çødé'::tsvector;
-- a quote or backslash inside a lexeme needs quoting on output
select $$it's$$::tsvector;
select $$a\b$$::tsvector;
-- positions and weights
select 'a:1,3A b:2B,5'::tsvector;
select 'a:3,1,2 b:5,5,5'::tsvector;
select 'a:1 a:2 a:1'::tsvector;
select 'a:2 a'::tsvector;
select 'a a:2'::tsvector;
select 'a:1a b:2b c:3c d:4d'::tsvector;
select 'a:1A,1B,1C b:2D,2C'::tsvector;
select 'a:1D b:2d'::tsvector;
select $$'quoted':4C,2B plain:1$$::tsvector;
-- a comma alone is a lexeme
select 'a , b'::tsvector;
-- position 0 is rejected; positions above 16383 are clamped to it
select 'a:0'::tsvector;
select 'a:16382 b:16383'::tsvector;
select 'a:16384 b:20000 c:99999'::tsvector;
select 'a:16383,16384,16385'::tsvector;
select 'a:1,16383A'::tsvector;
select 'a:20000B,16383C'::tsvector;
-- malformed input
select $$'unterminated$$::tsvector;
select $$a 'b$$::tsvector;
select $$a\$$::tsvector;
select 'a:'::tsvector;
select 'a:x'::tsvector;
select 'a:1,'::tsvector;
select 'a:-1'::tsvector;
select 'a:1E'::tsvector;
-- an empty quoted lexeme
select $$'' a$$::tsvector;
-- a word that starts with a colon is a plain lexeme
select ':1'::tsvector;
-- casts to and from text
select 'b:2 a:1'::tsvector::text;
select 'x y x'::text::tsvector;
select cast($$'a b':1A c$$ as tsvector)::text || '|';
select tsvector 'z y';
select null::tsvector, null::text::tsvector is null;
-- comparison
select 'a b'::tsvector = 'b a'::tsvector;
select 'a b'::tsvector = 'a b c'::tsvector;
select 'a:1'::tsvector = 'a:2'::tsvector;
select 'a:1A'::tsvector = 'a:1'::tsvector;
select 'a'::tsvector < 'b'::tsvector, 'a'::tsvector < 'a b'::tsvector;
select 'b'::tsvector > 'a c'::tsvector, 'a c'::tsvector <> 'a b'::tsvector;
select 'a:1'::tsvector <= 'a:2'::tsvector, 'a:2'::tsvector >= 'a:1'::tsvector;
-- a table of tsvectors: ORDER BY, DISTINCT, a btree index
create table tsv_io (id int primary key, v tsvector);
insert into tsv_io values
  (1, 'a b c'), (2, 'c b a'), (3, 'a:1 b:2'), (4, 'a:1A b:2'), (5, ''),
  (6, 'zebra'), (7, 'a'), (8, 'a b c d'), (9, null), (10, 'ab'), (11, 'a:2 b:1');
select id, v, v is null as null_v from tsv_io order by v, id;
select id, v, v is null as null_v from tsv_io order by v desc nulls last, id;
select distinct v, v is null as null_v from tsv_io order by v;
select count(distinct v) from tsv_io;
select v, v is null as null_v, count(*) from tsv_io group by v order by v;
create index tsv_io_v on tsv_io (v);
set enable_seqscan = off;
select id from tsv_io where v = 'b a c' order by id;
select id from tsv_io where v < 'a b' order by id;
select id from tsv_io where v > 'ab' order by id;
reset enable_seqscan;
-- UPDATE and INSERT of tsvector values
update tsv_io set v = v || 'new:9' where id in (6, 7);
insert into tsv_io select 12, v || 'zz' from tsv_io where id = 1;
select id, v from tsv_io where id in (1, 6, 7, 12) order by id;
update tsv_io set v = strip(v) where id = 3;
select id, v, length(v) from tsv_io where id <= 5 order by id;
-- length and strip
select length('a b c'::tsvector), length('a:1,2,3 b'::tsvector), length(null::tsvector);
select strip('a:1,2A b:3B c'::tsvector);
select strip(''::tsvector);
-- setweight, two and three argument forms
select setweight('a:1,2 b:3B c'::tsvector, 'A');
select setweight('a:1,2 b:3B c'::tsvector, 'd');
select setweight('a:1,2 b:3B c'::tsvector, 'c', '{a,c,x}');
select setweight('a:1,2 b:3B c'::tsvector, 'b', '{}');
select setweight('a b'::tsvector, 'x');
select setweight('a b'::tsvector, 'a', array['a', null]);
-- ts_delete with one lexeme and with an array of lexemes
select ts_delete('a:1 b:2 c:3'::tsvector, 'b');
select ts_delete('a:1 b:2 c:3'::tsvector, 'x');
select ts_delete('a:1 b:2 c:3'::tsvector, array['a', 'c', 'q']);
select ts_delete('a:1 b:2 c:3'::tsvector, '{}'::text[]);
select ts_delete('a b'::tsvector, array['a', null]);
-- ts_filter keeps lexemes with any of the given weights
select ts_filter('a:1A,2B b:3C c:4 d:5A'::tsvector, '{a}');
select ts_filter('a:1A,2B b:3C c:4 d:5A'::tsvector, '{b,d}');
select ts_filter('a:1A,2B b:3C c:4 d:5A'::tsvector, '{c}');
select ts_filter('a:1A b'::tsvector, '{a}');
select ts_filter('a:1A'::tsvector, '{z}');
select ts_filter('a:1A'::tsvector, '{a,null}');
-- tsvector_to_array and array_to_tsvector
select tsvector_to_array('c:3 a:1A b'::tsvector);
select tsvector_to_array(''::tsvector);
select array_to_tsvector('{c,a,b,a}');
select array_to_tsvector($${"a b", "it's", "back\\slash"}$$);
select array_to_tsvector('{a,"",b}');
select array_to_tsvector('{a,null}');
select array_to_tsvector('{}');
select array_to_tsvector(tsvector_to_array('x:1 y:2A'::tsvector));
-- unnest(tsvector) in FROM
select * from unnest('b:2B,5 a:1,3A c'::tsvector);
select lexeme, positions, weights from unnest('x:4D,1A y'::tsvector) order by lexeme desc;
select * from unnest(''::tsvector);
select t.id, u.lexeme from tsv_io t, unnest(t.v) u where t.id in (3, 4) order by 1, 2;
-- concatenation shifts the right operand's positions
select 'a:1 b:2'::tsvector || 'c:1 d:2'::tsvector;
select 'a:1 b:2'::tsvector || 'a:1 c:2B'::tsvector;
select 'a b'::tsvector || 'c:1'::tsvector;
select 'a:3'::tsvector || 'a b'::tsvector;
select 'a:16380'::tsvector || 'b:10'::tsvector;
select ''::tsvector || 'a:1'::tsvector, 'a:1'::tsvector || ''::tsvector;
select 'a:1A'::tsvector || null::tsvector;
