-- jsonb comparison and ordering: = <> < <= > >= across every kind of value (the documented
-- btree order: object > array > boolean > number > string > null, with an empty top-level
-- array below null), numeric equality ignoring scale, ORDER BY / DISTINCT / GROUP BY / min / max
-- on a jsonb column, joins on jsonb equality and IN lists.

-- equality and inequality
select 'null'::jsonb = 'null', '"a"'::jsonb = '"a"', '"a"'::jsonb = '"A"', 'true'::jsonb = 'true';
select '1'::jsonb = '1.0', '1.0'::jsonb = '1.00', '1'::jsonb = '1e0', '100'::jsonb = '1e2', '-0'::jsonb = '0';
select '[1, 2]'::jsonb = '[1, 2]', '[1, 2]'::jsonb = '[2, 1]', '[1.0]'::jsonb = '[1]';
select '{"a": 1, "b": 2}'::jsonb = '{"b": 2, "a": 1}', '{"a": 1, "a": 2}'::jsonb = '{"a": 2}';
select '{"a": {"b": [1, 1.50]}}'::jsonb = '{"a": {"b": [1.0, 1.5]}}';
select '1'::jsonb <> '"1"', '1'::jsonb <> '[1]', 'null'::jsonb <> '[]', '{}'::jsonb <> '[]';
select '"a"'::jsonb = null, null::jsonb = null::jsonb, null::jsonb is not distinct from null::jsonb;
select '1'::jsonb is distinct from '1.0', '[1]'::jsonb is distinct from '[1, 1]';
-- order between kinds
select '{}'::jsonb > '[1]', '[1]'::jsonb > 'true', 'true'::jsonb > '1', '1'::jsonb > '"a"', '"a"'::jsonb > 'null';
select 'false'::jsonb < 'true', '"a"'::jsonb < '1', '[]'::jsonb < 'null', '[]'::jsonb < '"a"', '[]'::jsonb < '1';
select '[null]'::jsonb > 'null', '[]'::jsonb < '[null]', '[[]]'::jsonb > '[null]', '{}'::jsonb > '[]';
select '{"a": []}'::jsonb > '{"a": null}', '{"a": []}'::jsonb < '{"a": 1}';
-- numbers
select '1'::jsonb < '2', '10'::jsonb > '9', '-1'::jsonb < '0', '1.5'::jsonb < '1.50001', '1e10'::jsonb > '999999999';
select '2'::jsonb <= '2.0', '2'::jsonb >= '2.00', '2'::jsonb < '2.0', '0.1'::jsonb > '0.09';
-- strings compare by the database collation (C.UTF-8 here)
select '"a"'::jsonb < '"b"', '"ab"'::jsonb < '"b"', '"b"'::jsonb < '"aa"', '""'::jsonb < '"a"', '"Z"'::jsonb < '"a"';
select '"abc"'::jsonb < '"abd"', '"abc"'::jsonb < '"abcd"', '"é"'::jsonb > '"z"';
-- arrays: shorter arrays sort first, then element by element
select '[1, 2]'::jsonb < '[1, 2, 3]', '[9]'::jsonb < '[1, 2]', '[1, 3]'::jsonb > '[1, 2]', '[]'::jsonb < '[0]';
select '[1, "a"]'::jsonb > '[1, null]', '[[1]]'::jsonb > '[1]', '[{}]'::jsonb > '[[]]', '[true]'::jsonb > '[1]';
-- objects: more pairs sort after fewer, then keys and values pairwise
select '{"a": 1}'::jsonb < '{"a": 1, "b": 2}', '{"z": 9}'::jsonb < '{"a": 1, "b": 2}', '{}'::jsonb < '{"a": 1}';
select '{"a": 1}'::jsonb < '{"b": 1}', '{"a": 2}'::jsonb > '{"a": 1}', '{"b": 1}'::jsonb > '{"a": 2}';
select '{"aa": 1}'::jsonb > '{"b": 1}', '{"a": 1, "c": 1}'::jsonb < '{"b": 1, "c": 1}';
-- keys are compared in storage order (shorter keys first), as the documentation warns
select '{"aa": 1, "c": 1}'::jsonb > '{"b": 1, "d": 1}', '{"b": 1, "aa": 2}'::jsonb < '{"c": 1, "aa": 1}';
select '{"a": {"x": 1}}'::jsonb > '{"a": [1, 2, 3]}', '{"a": [1]}'::jsonb < '{"a": [0, 0]}';
-- scalar vs one-element array of that scalar
select '1'::jsonb < '[1]', '[1]'::jsonb > '1', '"x"'::jsonb < '["x"]';
-- null operands
select '1'::jsonb < null, null::jsonb >= '1';
-- ORDER BY a jsonb column of mixed kinds
create table jord_vals (id int primary key, v jsonb);
insert into jord_vals values
  (1, '{"b": 1}'), (2, '{"a": 1, "b": 2}'), (3, '{}'), (4, '[1, 2]'), (5, '[3]'), (6, '[]'),
  (7, 'true'), (8, 'false'), (9, '10'), (10, '9.5'), (11, '-1'), (12, '"b"'), (13, '"aa"'),
  (14, '""'), (15, 'null'), (16, null), (17, '[[]]'), (18, '1.0'), (19, '1'), (20, '[null]');
select id, v from jord_vals order by v, id;
select id, v from jord_vals order by v desc, id;
select id, v from jord_vals order by v nulls first, id;
select id, v from jord_vals where v > '"zzz"' order by v, id;
select id, v from jord_vals where v < 'null' order by id;
select id, v from jord_vals where v between '1' and '10' order by v, id;
select id, v -> 'b' from jord_vals where id <= 3 order by v -> 'b', id;
select jsonb_typeof(v) as kind, count(*) from jord_vals group by 1 order by 1 nulls last;
-- DISTINCT and GROUP BY treat 1, 1.0 and 1.00 as one value
create table jord_nums (id int primary key, v jsonb);
insert into jord_nums values
  (1, '1'), (2, '1.0'), (3, '1.00'), (4, '2'), (5, '"1"'), (6, '[1]'), (7, '[1.0]'),
  (8, '{"a": 1}'), (9, '{"a": 1.0}'), (10, null), (11, null), (12, '{"a": 1, "a": 1}');
select count(distinct v), count(v), count(*) from jord_nums;
select distinct v from jord_nums where id in (4, 5, 6, 8, 12) order by v;
select count(*) from (select distinct v from jord_nums) s;
select v = '1', count(*) from jord_nums group by v = '1' order by 1 nulls last;
select min(id), max(id), count(*) from jord_nums group by v order by min(id);
select v::text, count(*) from jord_nums group by v::text order by 1 nulls last;
select array_agg(id order by id) from jord_nums group by v having count(*) > 1 order by 1;
-- min and max over jsonb
select min(v), max(v) from jord_vals;
select min(v) from jord_nums;
-- greatest / least and sorting via arrays
select greatest('1'::jsonb, '"a"', '[]', 'null'), least('1'::jsonb, '"a"', '[]', 'null');
select array_agg(v order by v) from jord_vals where id <= 8;
-- jsonb equality in joins
create table jord_left (id int, k jsonb);
create table jord_right (k jsonb, label text);
insert into jord_left values (1, '1'), (2, '1.0'), (3, '"1"'), (4, '{"x": [1, 2]}'), (5, '[1, 2]'), (6, null);
insert into jord_right values ('1.00', 'one'), ('{"x": [1.0, 2.0]}', 'obj'), ('[2, 1]', 'rev'), (null, 'nothing');
select l.id, l.k, r.label from jord_left l join jord_right r on l.k = r.k order by l.id;
select l.id, r.label from jord_left l left join jord_right r on l.k = r.k order by l.id;
select l.id, r.label from jord_left l join jord_right r using (k) order by l.id;
select l.id from jord_left l where exists (select 1 from jord_right r where r.k = l.k) order by l.id;
select l.id from jord_left l where l.k in (select k from jord_right) order by l.id;
-- IN lists
select '1'::jsonb in ('1.0', '2'), '"a"'::jsonb in ('"b"', '"c"'), '[1]'::jsonb not in ('[1.0]');
select id from jord_vals where v in ('1', '[]', '{}', 'true') order by id;
select id from jord_vals where v not in ('null', '1') order by id;
select '1'::jsonb in ('2', null), '1'::jsonb not in ('2', null);
select '1'::jsonb = any (array['1.0', '3']::jsonb[]), '1'::jsonb < all (array['2', '3']::jsonb[]);
-- comparing with other types needs a cast
select '1'::jsonb = 1;
select '1'::jsonb = '1'::text;
select '{"a": 1}'::jsonb < '{"a": 1'::jsonb;
drop table jord_vals;
drop table jord_nums;
drop table jord_left;
drop table jord_right;
