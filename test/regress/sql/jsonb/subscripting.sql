-- jsonb subscripting (PostgreSQL 14+): reads with text keys and integer indexes, negative and
-- out-of-range indexes, subscripts of other types, NULL subscripts, slices (an error); writes in
-- UPDATE ... SET doc[...] = ..., creating missing objects, padding arrays with nulls, filling a
-- NULL column, and the errors when assigning through a scalar.

-- reads on literals
select ('{"a": {"b": [1, 2, 3]}}'::jsonb)['a'];
select ('{"a": {"b": [1, 2, 3]}}'::jsonb)['a']['b'];
select ('{"a": {"b": [1, 2, 3]}}'::jsonb)['a']['b'][1];
select ('{"a": {"b": [1, 2, 3]}}'::jsonb)['a']['b'][0], ('{"a": {"b": [1, 2, 3]}}'::jsonb)['a']['b'][2];
select ('{"a": 1, "b": "x", "c": null}'::jsonb)['b'], ('{"a": 1, "b": "x", "c": null}'::jsonb)['c'];
select ('{"a": 1}'::jsonb)['missing'], ('{"a": 1}'::jsonb)['missing'] is null;
select ('{"a": null}'::jsonb)['a'] is null, ('{"a": null}'::jsonb)['a'] = 'null';
select pg_typeof(('{"a": 1}'::jsonb)['a']), pg_typeof(('[1]'::jsonb)[0]);
select ('{"": 5}'::jsonb)[''], ('{"a b": 5}'::jsonb)['a b'];
-- negative and out-of-range indexes
select ('[10, 20, 30]'::jsonb)[-1], ('[10, 20, 30]'::jsonb)[-3], ('[10, 20, 30]'::jsonb)[-4];
select ('[10, 20, 30]'::jsonb)[3], ('[10, 20, 30]'::jsonb)[100], ('[]'::jsonb)[0];
select ('[[1, 2], [3, 4]]'::jsonb)[1][0], ('[[1, 2], [3, 4]]'::jsonb)[-1][-1], ('[[1, 2], [3, 4]]'::jsonb)[5][0];
-- text keys on arrays (read as integers when they parse as one), integer subscripts on objects
-- (used as the key text), and subscripts into scalars
select ('[10, 20, 30]'::jsonb)['1'], ('[10, 20, 30]'::jsonb)['x'];
select ('[10, 20, 30]'::jsonb)['-1'], ('[10, 20, 30]'::jsonb)['01'], ('[10, 20, 30]'::jsonb)[' 1'], ('[10, 20, 30]'::jsonb)['1.0'];
select ('{"1": "one"}'::jsonb)[1], ('{"1": "one"}'::jsonb)['1'];
select ('"scalar"'::jsonb)['a'], ('"scalar"'::jsonb)[0], ('42'::jsonb)[0], ('null'::jsonb)['a'];
select ('{"a": 1}'::jsonb)['a']['b'], ('{"a": [1]}'::jsonb)['a'][0][0];
-- subscript types: integer and text expressions; anything else (numeric, bigint, boolean, ...) errors
select ('[10, 20, 30]'::jsonb)[1 + 1], ('{"ab": 1}'::jsonb)['a' || 'b'];
select ('{"a": 1}'::jsonb)['a'::varchar], ('{"a": 1}'::jsonb)['a'::name], ('{"a": 1}'::jsonb)['a'::char(1)];
select ('[10, 20, 30]'::jsonb)[1::smallint], ('{"1": "x"}'::jsonb)[1::text];
select ('[10, 20, 30]'::jsonb)[1.0];
select ('[10, 20, 30]'::jsonb)[2::bigint];
select ('{"a": 1}'::jsonb)[true];
select ('[10, 20, 30]'::jsonb)[1.5::float8];
select ('[10, 20, 30]'::jsonb)[3000000000];
-- NULL subscripts and NULL values
select ('{"a": 1}'::jsonb)[null], ('{"a": 1}'::jsonb)[null::text], ('[1]'::jsonb)[null::int], ('{"a": {"b": 1}}'::jsonb)['a'][null::text]['b'];
select (null::jsonb)['a'], (null::jsonb)[0];
-- slices are not supported
select ('[1, 2, 3]'::jsonb)[0:1];
select ('[1, 2, 3]'::jsonb)[1:];
-- subscripting a column in SELECT, WHERE and ORDER BY
create table js_docs (id int primary key, doc jsonb);
insert into js_docs values
  (1, '{"type": "task", "title": "write", "tags": ["a", "b"], "meta": {"prio": 2}}'),
  (2, '{"type": "note", "title": "read", "tags": [], "meta": {"prio": 1}}'),
  (3, '{"type": "task", "title": "test", "meta": {"prio": 3}}'),
  (4, '[1, 2, 3]'),
  (5, null);
select id, doc['type'], doc['title'], doc['tags'][0], doc['meta']['prio'] from js_docs order by id;
select id from js_docs where doc['type'] = '"task"' order by id;
select id from js_docs where doc['type'] = 'task' order by id;
select id from js_docs where doc['meta']['prio'] > '1' order by doc['meta']['prio'] desc;
select id, doc[0], doc[-1] from js_docs order by id;
select id, doc['tags'][id - 1] from js_docs where id <= 2 order by id;
select doc['type'], count(*) from js_docs group by doc['type'] order by 1;
select doc['title']::text, (doc['meta']['prio'])::int + 10 from js_docs where id = 1;
select (doc -> 'meta')['prio'], doc['meta'] -> 'prio', doc['tags'] ->> 1 from js_docs where id = 1;
select doc->'meta'['prio'] from js_docs where id = 1;
-- writes: top-level key, replacing a value, nested keys creating missing objects
update js_docs set doc['title'] = '"WRITE"' where id = 1;
update js_docs set doc['done'] = 'true' where id = 1 returning id, doc;
update js_docs set doc['meta']['owner']['name'] = '"ann"' where id = 2 returning id, doc;
update js_docs set doc['meta'] = '{"prio": 9}', doc['extra'] = '[]' where id = 3 returning id, doc;
update js_docs set doc['meta']['prio'] = to_jsonb(id * 100) where doc['type'] = '"task"';
select id, doc['meta'] from js_docs order by id;
update js_docs set doc['title'] = null where id = 3 returning id, doc;
-- writes into arrays: replace, past the end (filled with nulls), negative indexes
update js_docs set doc[0] = '"zero"' where id = 4 returning doc;
update js_docs set doc[5] = '6' where id = 4 returning doc;
update js_docs set doc[-1] = '"last"' where id = 4 returning doc;
update js_docs set doc[-6] = '"first"' where id = 4 returning doc;
update js_docs set doc[-7] = '"too far"' where id = 4;
select doc from js_docs where id = 4;
update js_docs set doc['1'] = '"one"' where id = 4 returning doc;
update js_docs set doc['tags'][3] = '"d"' where id = 1 returning doc['tags'];
update js_docs set doc['list'][2]['k'] = '1' where id = 2 returning doc;
-- writes to a NULL column: a text subscript makes an object, an integer one an array
update js_docs set doc['a'] = '1' where id = 5 returning doc;
update js_docs set doc = null where id = 5;
update js_docs set doc[2] = '"x"' where id = 5 returning doc;
update js_docs set doc = null where id = 5;
update js_docs set doc['a'][1]['b'] = '1' where id = 5 returning doc;
-- a negative index on a NULL column is out of range, and the column stays NULL
update js_docs set doc = null where id = 5;
update js_docs set doc[-1] = '1' where id = 5 returning doc;
-- an integer subscript on an object writes the key "0"
update js_docs set doc[0] = '1' where id = 2 returning doc['0'], doc[0];
-- writes with a NULL subscript, and assigning SQL NULL
update js_docs set doc[null::text] = '1' where id = 1;
update js_docs set doc['x'] = null where id = 5 returning doc;
-- errors assigning through a scalar or with the wrong subscript kind
update js_docs set doc['title']['x'] = '1' where id = 2;
update js_docs set doc['meta']['prio'][0] = '1' where id = 2;
update js_docs set doc['a'] = '1' where id = 4;
update js_docs set doc['tags'][-1] = '1' where id = 2;
update js_docs set doc['tags']['x'] = '1' where id = 1;
update js_docs set doc['a'] = 'not json' where id = 1;
update js_docs set doc[0:1] = '1' where id = 4;
create table js_scalar (id int, doc jsonb);
insert into js_scalar values (1, '"s"'), (2, '5'), (3, 'null');
update js_scalar set doc['a'] = '1' where id = 1;
update js_scalar set doc[0] = '1' where id = 2;
update js_scalar set doc['a'] = '1' where id = 3;
select id, doc from js_scalar order by id;
-- subscripted assignment in INSERT column lists
insert into js_scalar (id, doc['a']) values (4, '1');
insert into js_scalar (id, doc[0]) values (5, '"x"');
select id, doc from js_scalar order by id;
-- final state and RETURNING
update js_docs set doc['seen'] = 'true' where id in (1, 2) returning id, doc['seen'], doc['type'];
select id, doc from js_docs order by id;
drop table js_docs;
drop table js_scalar;
-- subscripting other types is an error
select ('{"a": 1}'::json)['a'];
select ('{"a": 1}'::text)['a'];
