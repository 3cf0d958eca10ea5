-- JSON to SQL rows: jsonb_to_record, jsonb_to_recordset, jsonb_populate_record,
-- jsonb_populate_recordset and their json_ twins; column definition lists, nested composite types,
-- missing keys (NULL), extra keys (ignored), JSON arrays into SQL arrays, type conversion errors,
-- populate with a base row, and LATERAL use over a table.

create type jr_addr as (city text, zip text);
create type jr_person as (name text, age int, addr jr_addr, tags text[], extra jsonb);
-- jsonb_to_record with a column definition list
select * from jsonb_to_record('{"a": 1, "b": "x", "c": {"k": [1, 2]}, "d": [1, 2, 3]}') as x(a int, b text, c jsonb, d int[]);
select * from jsonb_to_record('{"a": 1}') as x(a int, b text, c jsonb, d int[]);
select * from jsonb_to_record('{"a": 1, "zzz": 2, "b": "y"}') as x(a int, b text);
select * from jsonb_to_record('{"a": null, "b": null, "c": null}') as x(a int, b text, c jsonb);
select * from jsonb_to_record('{"A": 1, "a": 2}') as x("A" int, a int);
select * from jsonb_to_record('{}') as x(a int, b text);
-- conversion of JSON values to column types
select * from jsonb_to_record('{"a": "12", "b": 34, "c": true, "d": "2024-02-29", "e": 1.50}') as x(a int, b text, c boolean, d date, e numeric);
select * from jsonb_to_record('{"a": [1, 2], "b": {"k": 1}, "c": "str", "d": 5}') as x(a text, b text, c json, d jsonb);
select * from jsonb_to_record('{"t": "x\"y", "n": 2.50, "b": false}') as x(t text, n text, b text);
select * from jsonb_to_record('{"a": [[1, 2], [3, 4]], "b": ["x", null], "c": []}') as x(a int[], b text[], c int[]);
select * from jsonb_to_record('{"a": "{1,2}"}') as x(a int[]);
select * from jsonb_to_record('{"a": 1.5}') as x(a int);
select * from jsonb_to_record('{"a": "abc"}') as x(a int);
select * from jsonb_to_record('{"a": true}') as x(a int);
select * from jsonb_to_record('{"a": [1, "x"]}') as x(a int[]);
select * from jsonb_to_record('{"a": [[1], [2, 3]]}') as x(a int[]);
select * from jsonb_to_record('{"a": 5}') as x(a int[]);
select * from jsonb_to_record('{"a": {"k": 1}}') as x(a int);
select * from jsonb_to_record('{"a": 99999999999}') as x(a int);
-- nested composite types
select * from jsonb_to_record('{"p": {"name": "ann", "age": 30, "addr": {"city": "Oslo", "zip": "0150"}, "tags": ["a", "b"]}}') as x(p jr_person);
select (x.p).name, (x.p).addr, ((x.p).addr).city, (x.p).tags[2] from jsonb_to_record('{"p": {"name": "ann", "addr": {"city": "Oslo"}, "tags": ["a", "b"]}}') as x(p jr_person);
select * from jsonb_to_record('{"p": {"name": "bob", "addr": null, "extra": {"k": [1]}}}') as x(p jr_person);
select * from jsonb_to_record('{"p": "(cy,40,,,)"}') as x(p jr_person);
select * from jsonb_to_record('{"p": [1, 2]}') as x(p jr_person);
select * from jsonb_to_record('{"p": 5}') as x(p jr_person);
select * from jsonb_to_record('{"a": [{"city": "Oslo"}, {"city": "Rome", "zip": "00100"}]}') as x(a jr_addr[]);
-- a non-object input, and NULL input
select * from jsonb_to_record('[1, 2]') as x(a int);
select * from jsonb_to_record('5') as x(a int);
select * from jsonb_to_record(null) as x(a int, b text);
select * from jsonb_to_record('{"a": 1}');
-- jsonb_to_recordset
select * from jsonb_to_recordset('[{"a": 1, "b": "x"}, {"a": 2, "c": true}, {}, {"b": "z", "a": null}]') as x(a int, b text, c boolean);
select * from jsonb_to_recordset('[]') as x(a int), jsonb_to_recordset(null) as y(b int);
select * from jsonb_to_recordset('[{"a": 1}, 2]') as x(a int);
select * from jsonb_to_recordset('{"a": 1}') as x(a int);
select x.*, o from jsonb_to_recordset('[{"a": 3}, {"a": 1}, {"a": 2}]') with ordinality as x(a int, o bigint) order by a;
select * from rows from (jsonb_to_recordset('[{"a": 3}, {"a": 1}, {"a": 2}]') as (a int)) with ordinality as x(a, o) order by o;
select sum(a), string_agg(b, ',' order by b) from jsonb_to_recordset('[{"a": 1, "b": "q"}, {"a": 2, "b": "p"}]') as x(a int, b text);
-- jsonb_populate_record with a NULL base row, and with a base row (missing keys keep its values)
select * from jsonb_populate_record(null::jr_addr, '{"city": "Oslo", "zip": "0150", "country": "NO"}');
select * from jsonb_populate_record(null::jr_addr, '{"city": "Oslo"}');
select * from jsonb_populate_record(row('Rome', '00100')::jr_addr, '{"city": "Milan"}');
select * from jsonb_populate_record(row('Rome', '00100')::jr_addr, '{"zip": null}');
select * from jsonb_populate_record(row('Rome', '00100')::jr_addr, '{}');
select * from jsonb_populate_record(row('Rome', '00100')::jr_addr, null);
select jsonb_populate_record(null::jr_addr, '{"city": "Oslo"}'), (jsonb_populate_record(null::jr_addr, '{"city": "Oslo"}')).city;
select * from jsonb_populate_record(null::jr_person, '{"name": "ann", "age": "31", "addr": {"city": "Oslo"}, "tags": ["x"], "extra": [1, {"k": null}]}');
select * from jsonb_populate_record(row('ann', 30, row('Oslo', '0150'), '{a}', null)::jr_person, '{"addr": {"zip": "9999"}}');
select * from jsonb_populate_record(null::jr_person, '{"age": "thirty"}');
select * from jsonb_populate_record(null::jr_addr, '[1]');
-- a table's row type as the base
create table jr_rows (id int, label text default 'none', score numeric, seen boolean);
select * from jsonb_populate_record(null::jr_rows, '{"id": 7, "score": 2.50, "seen": "t", "other": 1}');
select * from jsonb_populate_record(row(1, 'base', 1.0, false)::jr_rows, '{"label": "new"}');
insert into jr_rows select * from jsonb_populate_recordset(null::jr_rows, '[{"id": 1, "label": "a", "score": 1.5}, {"id": 2, "seen": true}, {"id": 3, "label": null}]');
-- an explicit NULL from the function overrides the column DEFAULT; leaving the column out keeps it
insert into jr_rows (id, score) select id, score from jsonb_populate_recordset(null::jr_rows, '[{"id": 4, "score": 4}]');
select * from jr_rows order by id;
-- jsonb_populate_recordset, with and without a base row
select * from jsonb_populate_recordset(null::jr_addr, '[{"city": "Oslo"}, {"zip": "1"}, {"city": "Rome", "zip": "00100", "x": 0}]');
select * from jsonb_populate_recordset(row('Base', '000')::jr_addr, '[{"city": "Oslo"}, {"zip": "1"}, {}]');
select * from jsonb_populate_recordset(null::jr_addr, '[]');
select * from jsonb_populate_recordset(null::jr_addr, '[{"city": "Oslo"}, [1]]');
select * from jsonb_populate_recordset(null::jr_addr, '{"city": "Oslo"}');
-- json_ twins: the same rules on json input, which may hold duplicate keys (the last one wins)
select * from json_to_record('{"a": 1, "b": "x", "c": {"k":  [1, 2]}, "d": [1, 2, 3]}') as x(a int, b text, c jsonb, d int[]);
select * from json_to_record('{"a": 1, "a": 2, "c": {"k":  [1,   2]}}') as x(a int, c json);
select * from json_to_recordset('[{"a": 1, "b": "x"}, {"a": 2}, {"b": "z"}]') as x(a int, b text);
select * from json_populate_record(row('Rome', '00100')::jr_addr, '{"city": "Milan", "city": "Turin"}');
select * from json_populate_recordset(null::jr_addr, '[{"city": "Oslo"}, {"zip": "1", "zip": "2"}]');
select * from json_to_record('{"p": {"name": "ann", "addr": {"city": "Oslo"}}}') as x(p jr_person);
select * from json_to_record('{"a": "x"}') as x(a int);
select * from json_populate_record(null::jr_addr, '"s"');
-- LATERAL over a table
create table jr_src (id int primary key, doc jsonb, docs json);
insert into jr_src values
  (1, '{"name": "ann", "age": 30, "addr": {"city": "Oslo"}}', '[{"city": "Oslo", "zip": "0150"}, {"city": "Bergen"}]'),
  (2, '{"name": "bob", "tags": ["x", "y"]}', '[]'),
  (3, '{}', '[{"zip": "9"}]');
select s.id, r.* from jr_src s, lateral jsonb_to_record(s.doc) as r(name text, age int, tags text[]) order by s.id;
select s.id, p.name, p.age, (p.addr).city from jr_src s cross join lateral jsonb_populate_record(null::jr_person, s.doc) p order by s.id;
select s.id, a.city, a.zip from jr_src s, lateral json_populate_recordset(null::jr_addr, s.docs) a order by s.id, a.city nulls last;
select s.id, count(a.zip) from jr_src s left join lateral json_to_recordset(s.docs) as a(city text, zip text) on true group by s.id order by s.id;
drop table jr_src;
drop table jr_rows;
drop type jr_person;
drop type jr_addr;
