-- tsvector @@ tsquery (and tsquery @@ tsvector) on literal values: AND / OR / NOT, weight
-- restrictions, prefixes, phrase operators with positions (repeated lexemes, NOT inside a
-- phrase, vectors without positions), a table of documents, and NULLs.

-- single lexemes, AND, OR, NOT
select 'a b c'::tsvector @@ 'a'::tsquery;
select 'a b c'::tsvector @@ 'd'::tsquery;
select 'a b c'::tsvector @@ 'a & b'::tsquery;
select 'a b c'::tsvector @@ 'a & d'::tsquery;
select 'a b c'::tsvector @@ 'a | d'::tsquery;
select 'a b c'::tsvector @@ 'd | e'::tsquery;
select 'a b c'::tsvector @@ '!d'::tsquery;
select 'a b c'::tsvector @@ '!a'::tsquery;
select 'a b c'::tsvector @@ 'a & !b'::tsquery;
select 'a b c'::tsvector @@ 'a & !d'::tsquery;
select 'a b c'::tsvector @@ '!(a & d)'::tsquery;
select 'a b c'::tsvector @@ '!!a'::tsquery;
select 'a b c'::tsvector @@ '(a | d) & (e | c)'::tsquery;
select 'a b c'::tsvector @@ '(a & d) | (b & !e)'::tsquery;
-- lexemes match whole and case-sensitively
select 'abc'::tsvector @@ 'ab'::tsquery;
select 'abc'::tsvector @@ 'ABC'::tsquery;
select $$'a b' c$$::tsvector @@ $$'a b'$$::tsquery;
select $$'a b' c$$::tsvector @@ 'a'::tsquery;
-- the empty vector and the empty query
select ''::tsvector @@ 'a'::tsquery;
select ''::tsvector @@ '!a'::tsquery;
select 'a'::tsvector @@ ''::tsquery;
select ''::tsvector @@ ''::tsquery;
-- the commutated form
select 'a & b'::tsquery @@ 'a b'::tsvector;
select 'a & !b'::tsquery @@ 'a b'::tsvector;
select 'x:*'::tsquery @@ 'xyz'::tsvector;
-- weight restrictions
select 'a:1A b:2B c:3'::tsvector @@ 'a:A'::tsquery;
select 'a:1A b:2B c:3'::tsvector @@ 'a:B'::tsquery;
select 'a:1A b:2B c:3'::tsvector @@ 'b:AB'::tsquery;
select 'a:1A b:2B c:3'::tsvector @@ 'c:D'::tsquery;
select 'a:1A b:2B c:3'::tsvector @@ 'c:A'::tsquery;
select 'a:1A b:2B c:3'::tsvector @@ 'c:ABC'::tsquery;
select 'a:1A,2C'::tsvector @@ 'a:C'::tsquery;
select 'a:1A b:2B'::tsvector @@ 'a:A & b:C'::tsquery;
select 'a:1A b:2B'::tsvector @@ 'a:A & !b:C'::tsquery;
select 'a:1A b:2B'::tsvector @@ 'a:B | b:B'::tsquery;
-- lexemes without positions match any weight
select 'a b'::tsvector @@ 'a:A'::tsquery;
select 'a b'::tsvector @@ 'a:D'::tsquery;
select strip('a:1A'::tsvector) @@ 'a:A'::tsquery;
-- prefix matching
select 'abc def'::tsvector @@ 'ab:*'::tsquery;
select 'abc def'::tsvector @@ 'abc:*'::tsquery;
select 'abc def'::tsvector @@ 'abcd:*'::tsquery;
select 'abc def'::tsvector @@ 'b:*'::tsquery;
select 'abc def'::tsvector @@ 'ab:* & d:*'::tsquery;
select 'abc def'::tsvector @@ '!ab:*'::tsquery;
select 'abc:1A abd:2B'::tsvector @@ 'ab:*B'::tsquery;
select 'abc:1A abd:2B'::tsvector @@ 'ab:*C'::tsquery;
select 'abc:1A abd:2B'::tsvector @@ 'abc:*B'::tsquery;
select 'ab'::tsvector @@ 'ab:*'::tsquery;
select 'aa ab ac'::tsvector @@ 'a:*'::tsquery;
-- phrase: <-> needs the next position, <N> exactly N apart, <0> the same position
select 'a:1 b:2'::tsvector @@ 'a <-> b'::tsquery;
select 'a:1 b:2'::tsvector @@ 'b <-> a'::tsquery;
select 'a:1 b:3'::tsvector @@ 'a <-> b'::tsquery;
select 'a:1 b:3'::tsvector @@ 'a <2> b'::tsquery;
select 'a:1 b:4'::tsvector @@ 'a <2> b'::tsquery;
select 'a:1 b:1'::tsvector @@ 'a <0> b'::tsquery;
select 'a:1 b:2'::tsvector @@ 'a <0> b'::tsquery;
select 'a:1 b:2 c:3'::tsvector @@ 'a <-> b <-> c'::tsquery;
select 'a:1 b:2 c:4'::tsvector @@ 'a <-> b <-> c'::tsquery;
select 'a:1 b:2 c:4'::tsvector @@ 'a <-> b <2> c'::tsquery;
select 'a:1 b:2 c:4'::tsvector @@ 'a <3> c'::tsquery;
select 'a:1 b:2 c:4'::tsvector @@ 'a <-> (b <2> c)'::tsquery;
select 'a:1 b:2 c:4'::tsvector @@ '(a <-> b) & c'::tsquery;
select 'a:5 b:2 a:1'::tsvector @@ 'a <-> b'::tsquery;
select 'a:16383 b:16383'::tsvector @@ 'a <0> b'::tsquery;
select 'a:1 b:16383'::tsvector @@ 'a <16382> b'::tsquery;
-- phrase with OR and AND inside
select 'a:1 c:2'::tsvector @@ 'a <-> (b | c)'::tsquery;
select 'a:1 d:2'::tsvector @@ 'a <-> (b | c)'::tsquery;
select 'a:1 b:2 c:2'::tsvector @@ 'a <-> (b & c)'::tsquery;
select 'a:1 b:2 c:3'::tsvector @@ 'a <-> (b & c)'::tsquery;
select 'a:1 b:2 x:5 y:6'::tsvector @@ '(a | x) <-> (b | y)'::tsquery;
-- phrase with weights and prefixes
select 'a:1A b:2B'::tsvector @@ 'a:A <-> b:B'::tsquery;
select 'a:1A b:2B'::tsvector @@ 'a:B <-> b'::tsquery;
select 'a:1,3A b:2,4B'::tsvector @@ 'a:A <-> b'::tsquery;
select 'abc:1 xyz:2'::tsvector @@ 'ab:* <-> xy:*'::tsquery;
select 'abc:1 xyz:3'::tsvector @@ 'ab:* <-> xy:*'::tsquery;
-- repeated lexemes
select 'a:1,2'::tsvector @@ 'a <-> a'::tsquery;
select 'a:1,3'::tsvector @@ 'a <-> a'::tsquery;
select 'a:1,3'::tsvector @@ 'a <2> a'::tsquery;
select 'a:1'::tsvector @@ 'a <0> a'::tsquery;
select 'a:1'::tsvector @@ 'a <-> a'::tsquery;
select 'a:1,3 b:2'::tsvector @@ 'a <-> b <-> a'::tsquery;
select 'a:1,4 b:2'::tsvector @@ 'a <-> b <-> a'::tsquery;
select 'a:1,2,3'::tsvector @@ 'a <-> a <-> a'::tsquery;
select 'a:1,2,4'::tsvector @@ 'a <-> a <-> a'::tsquery;
-- NOT inside a phrase
select 'a:1 b:2'::tsvector @@ 'a <-> !b'::tsquery;
select 'a:1 c:2'::tsvector @@ 'a <-> !b'::tsquery;
select 'a:1 b:2 c:3'::tsvector @@ '!a <-> b'::tsquery;
select 'a:1 b:2 b:4'::tsvector @@ '!a <-> b'::tsquery;
select 'a:1 b:2 a:3 b:5'::tsvector @@ 'a <-> !b'::tsquery;
select 'a:1'::tsvector @@ 'a <-> !b'::tsquery;
select 'b:1'::tsvector @@ '!a <-> b'::tsquery;
select 'a:1 b:2'::tsvector @@ '!(a <-> b)'::tsquery;
select 'a:1 b:3'::tsvector @@ '!(a <-> b)'::tsquery;
select 'a:1 b:2 c:3'::tsvector @@ 'a <-> !x <-> c'::tsquery;
-- vectors without positions never satisfy a phrase (so its negation holds), unlike AND
select 'a b'::tsvector @@ 'a & b'::tsquery;
select 'a b'::tsvector @@ 'a <-> b'::tsquery;
select 'a b'::tsvector @@ 'a <0> b'::tsquery;
select 'a b'::tsvector @@ '(a <-> b) | a'::tsquery;
select 'a b'::tsvector @@ 'b <-> a'::tsquery;
select 'a b'::tsvector @@ 'a <3> b'::tsquery;
select 'a'::tsvector @@ 'a <-> b'::tsquery;
select strip('a:1 b:5'::tsvector) @@ 'a <-> b'::tsquery;
select 'a b'::tsvector @@ 'a <-> !b'::tsquery;
select 'a b'::tsvector @@ '!(a <-> b)'::tsquery;
select 'a:1 b'::tsvector @@ 'a <-> b'::tsquery;
-- a table of documents
create table ts_docs (id int primary key, vec tsvector);
insert into ts_docs values
  (1, 'quick:2 brown:3 fox:4 jumps:5 lazy:8 dog:9 the:1,7 over:6'),
  (2, 'lazy:1A dog:2A sleeps:3'),
  (3, 'brown:1B dog:2 barks:3'),
  (4, 'fox:1 hunts:2 quickly:3'),
  (5, 'quick quicker quickest'),
  (6, ''),
  (7, null),
  (8, 'dog:1 fox:3 brown:2');
select count(*) from ts_docs where vec @@ 'dog';
select count(*) from ts_docs where vec @@ 'dog & fox';
select count(*) from ts_docs where vec @@ 'dog | fox';
select count(*) from ts_docs where vec @@ '!dog';
select count(*) from ts_docs where not (vec @@ 'dog');
select id from ts_docs where vec @@ 'quick:*' order by id;
select id from ts_docs where vec @@ 'dog:A' order by id;
select id from ts_docs where vec @@ 'brown <-> fox' order by id;
select id from ts_docs where vec @@ 'brown <-> dog | dog <2> brown' order by id;
select id from ts_docs where vec @@ 'lazy <-> dog' order by id;
select id from ts_docs where vec @@ 'the <-> !quick' order by id;
select id from ts_docs where 'fox & !brown'::tsquery @@ vec order by id;
select id, vec @@ 'dog' as dog, vec @@ '!dog' as not_dog from ts_docs order by id;
-- queries from a table
create table ts_queries (qid int primary key, q tsquery);
insert into ts_queries values (1, 'dog'), (2, 'fox <-> hunts'), (3, 'quick:* & !fox'), (4, null), (5, 'dog:A | barks');
select qid, array_agg(id order by id) from ts_queries join ts_docs on vec @@ q group by qid order by qid;
select qid, count(id) from ts_queries left join ts_docs on vec @@ q group by qid order by qid;
-- a document changed by UPDATE is matched by its new value
update ts_docs set vec = vec || 'cat:1' where id = 6;
select id from ts_docs where vec @@ 'cat <-> dog' or vec @@ 'cat' order by id;
-- NULL operands give NULL
select null::tsvector @@ 'a'::tsquery;
select 'a'::tsvector @@ null::tsquery;
select null::tsquery @@ null::tsvector;
select ('a'::tsvector @@ null::tsquery) is null;
