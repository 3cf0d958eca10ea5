-- tsquery literals: input and output of & | ! <-> <N> with parentheses and precedence,
-- weights, prefixes and quoting; syntax errors; the empty query; numnode and querytree;
-- the operators && || !! <-> and tsquery_phrase; @> and <@; comparison and ordering; casts.

-- single lexemes and the binary operators
select 'a'::tsquery;
select 'a & b'::tsquery;
select 'a | b'::tsquery;
select '!a'::tsquery;
select 'a <-> b'::tsquery;
select 'a <2> b'::tsquery;
select 'a <1> b'::tsquery;
select 'a <0> b'::tsquery;
select 'a <16384> b'::tsquery;
select 'a & b & c'::tsquery;
select 'a | b | c'::tsquery;
select 'a <-> b <-> c'::tsquery;
select '!!a'::tsquery;
select '!!!a'::tsquery;
-- precedence: ! binds tightest, then <->, then &, then |
select 'a | b & c'::tsquery;
select 'a & b | c'::tsquery;
select 'a & b <-> c'::tsquery;
select 'a <-> b & c'::tsquery;
select 'a | b <-> c | d'::tsquery;
select '!a & b'::tsquery;
select '!a <-> b'::tsquery;
select '!a | !b & c'::tsquery;
-- parentheses
select '(a | b) & c'::tsquery;
select 'a & (b | c)'::tsquery;
select '((a))'::tsquery;
select '!(a & b)'::tsquery;
select '!(a | b) & c'::tsquery;
select '(a <-> b) <-> c'::tsquery;
select 'a <-> (b <-> c)'::tsquery;
select '(a | b) <-> (c & d)'::tsquery;
select '(a <2> b) <3> (c <-> d)'::tsquery;
select 'a & (b & (c & (d | e)))'::tsquery;
-- whitespace variants
select 'a&b'::tsquery;
select '  a  |  b  '::tsquery;
select E'a\t&\nb'::tsquery;
select '(a|b)&!c'::tsquery;
select 'a<->b'::tsquery;
select 'a<3>b'::tsquery;
-- but no spaces inside the distance operator
select 'a < 3 > b'::tsquery;
-- weights and prefixes
select 'a:A'::tsquery;
select 'a:AB'::tsquery;
select 'a:ab & b:cd'::tsquery;
select 'a:BA'::tsquery;
select 'a:ABCD'::tsquery;
select 'a:*'::tsquery;
select 'a:*A'::tsquery;
select 'a:A*B'::tsquery;
select 'a:*AB | b:C*'::tsquery;
select 'a:AAB'::tsquery;
select 'a:D'::tsquery;
select 'a:**'::tsquery;
-- quoting
select $$'a b'$$::tsquery;
select $$'a b' & c$$::tsquery;
select $$'don''t'$$::tsquery;
select $$'a\'b'$$::tsquery;
select $$a\&b$$::tsquery;
select $$'&' | '|'$$::tsquery;
select $$'(x)' <-> '!'$$::tsquery;
select $$'a b':*A$$::tsquery;
select $$back\\slash$$::tsquery;
select $$'a:b'$$::tsquery;
select 'ünï & çødé'::tsquery;
select 'A & a'::tsquery;
-- syntax errors
select 'a &'::tsquery;
select '& a'::tsquery;
select 'a b'::tsquery;
select '(a'::tsquery;
select 'a)'::tsquery;
select '()'::tsquery;
select 'a | | b'::tsquery;
select 'a <-> '::tsquery;
select 'a <x> b'::tsquery;
select 'a <-1> b'::tsquery;
select 'a:X'::tsquery;
select $$'unterminated$$::tsquery;
select '!'::tsquery;
-- distances past the largest, 16384
select 'a <16385> b'::tsquery;
select 'a <99999999999> b'::tsquery;
-- the empty query draws a notice
select ''::tsquery;
select '   '::tsquery;
select numnode(''::tsquery);
-- numnode counts operands and operators
select numnode('a'::tsquery);
select numnode('a & b'::tsquery);
select numnode('!a'::tsquery);
select numnode('(a | b) & !c <-> d'::tsquery);
select numnode(null::tsquery);
-- querytree drops what an index cannot use
select querytree('a & b'::tsquery);
select querytree('a & !b'::tsquery);
select querytree('!a'::tsquery);
select querytree('!a | b'::tsquery);
select querytree('a <-> !b'::tsquery);
select querytree('a:*B | (c & !d)'::tsquery);
-- the tsquery operators
select 'a'::tsquery && 'b | c'::tsquery;
select 'a | b'::tsquery || 'c & d'::tsquery;
select !! 'a & b'::tsquery;
select !! 'a'::tsquery;
select 'a'::tsquery <-> 'b'::tsquery;
select 'a <-> b'::tsquery <-> 'c | d'::tsquery;
select 'a:A'::tsquery && 'b:*'::tsquery;
select 'a'::tsquery && ''::tsquery;
select ''::tsquery || 'a'::tsquery;
select !! ''::tsquery;
select 'a'::tsquery && null::tsquery;
-- tsquery_phrase with and without a distance
select tsquery_phrase('a', 'b');
select tsquery_phrase('a & b', 'c');
select tsquery_phrase('a', 'b', 3);
select tsquery_phrase('a', 'b', 0);
select tsquery_phrase('a <2> b', 'c | d', 5);
select tsquery_phrase('a', 'b', 16384);
select tsquery_phrase('a', 'b', 16385);
select tsquery_phrase('a', 'b', -1);
-- containment between queries compares their lexemes
select 'a & b'::tsquery @> 'a'::tsquery;
select 'a'::tsquery @> 'a & b'::tsquery;
select 'a'::tsquery <@ 'a | b'::tsquery;
select 'a <-> b'::tsquery @> 'b & a'::tsquery;
select '!a'::tsquery @> 'a'::tsquery;
select 'a:A'::tsquery @> 'a:B'::tsquery;
select 'a & b'::tsquery <@ 'c'::tsquery;
-- comparison (weights and prefix marks are not compared)
select 'a & b'::tsquery = 'a & b'::tsquery;
select 'a & b'::tsquery = 'b & a'::tsquery;
select 'a & b'::tsquery = '(a & b)'::tsquery;
select 'a'::tsquery < 'b'::tsquery, 'b'::tsquery < 'a & b'::tsquery;
select 'a:A'::tsquery <> 'a'::tsquery, 'a:*'::tsquery > 'a'::tsquery;
select 'a <1> b'::tsquery = 'a <-> b'::tsquery;
-- ordering and DISTINCT over a table of queries
create table tsq_io (id int primary key, q tsquery);
insert into tsq_io values
  (1, 'a'), (2, 'b'), (3, 'a & b'), (4, 'a | b'), (5, 'a <-> b'), (6, '!a'),
  (7, 'a:A'), (8, 'a:*'), (9, 'a & b'), (10, null), (11, 'a & b & c'), (12, 'zz');
select id, q, q is null as null_q from tsq_io order by q, id;
select distinct q from tsq_io where q is not null and id not in (7, 8) order by q;
select q, count(*) from tsq_io where q is not null and id not in (7, 8) group by q order by q;
-- 'a', 'a:A' and 'a:*' are one group
select min(id), count(*), count(distinct q::text) from tsq_io group by q order by min(id);
select count(distinct q) from tsq_io;
update tsq_io set q = q && 'new' where id in (1, 2);
select id, q from tsq_io where q @> 'new' order by id;
-- casts to and from text
select 'a&b'::tsquery::text;
select 'a <-> !b'::text::tsquery;
select cast('x:*B | y' as tsquery)::text || '|';
select tsquery '(a)';
select null::text::tsquery is null;
