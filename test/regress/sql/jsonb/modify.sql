-- Changing jsonb values: jsonb_set (create_if_missing, nested and array-index paths),
-- jsonb_set_lax (every null_value_treatment), jsonb_insert (before/after in arrays, new keys in
-- objects), and UPDATEs of a table's jsonb column with jsonb_set, ||, - and #-.

-- jsonb_set on objects
select jsonb_set('{"a": 1, "b": 2}', '{a}', '10'), jsonb_set('{"a": 1}', '{b}', '"new"');
select jsonb_set('{"a": 1}', '{b}', '"new"', false), jsonb_set('{"a": 1}', '{b}', '"new"', true);
select jsonb_set('{"a": {"b": {"c": 1}}}', '{a,b,c}', '[1, 2]'), jsonb_set('{"a": {"b": {"c": 1}}}', '{a,b,d}', 'null');
select jsonb_set('{"a": {"b": 1}}', '{a}', '{"x": true}'), jsonb_set('{"a": {"b": 1}}', '{a,x,y}', '1');
select jsonb_set('{"a": 1}', '{x,y}', '1'), jsonb_set('{}', '{k}', '{}'), jsonb_set('{"a": 1}', '{}', '2');
select jsonb_set('{"a": 1}', '{a}', 'null'), jsonb_set('{"b": 1}', '{a}', '"first"');
-- jsonb_set with array indexes, negative and out of range
select jsonb_set('[1, 2, 3]', '{0}', '"x"'), jsonb_set('[1, 2, 3]', '{-1}', '"x"'), jsonb_set('[1, 2, 3]', '{-3}', '"x"');
select jsonb_set('[1, 2, 3]', '{3}', '"x"'), jsonb_set('[1, 2, 3]', '{10}', '"x"'), jsonb_set('[1, 2, 3]', '{-4}', '"x"');
select jsonb_set('[1, 2, 3]', '{-10}', '"x"'), jsonb_set('[1, 2, 3]', '{10}', '"x"', false), jsonb_set('[1, 2, 3]', '{-10}', '"x"', false);
select jsonb_set('[]', '{0}', '1'), jsonb_set('[]', '{-1}', '1'), jsonb_set('[]', '{5}', '1', false);
select jsonb_set('{"a": [{"b": 1}, {"b": 2}]}', '{a,1,b}', '20'), jsonb_set('{"a": [{"b": 1}, {"b": 2}]}', '{a,-1,c}', '3');
select jsonb_set('{"a": [1, 2]}', '{a,5}', '9'), jsonb_set('{"a": [1, 2]}', '{a,5,x}', '9');
select jsonb_set('[[1, 2], [3]]', '{1,0}', '30'), jsonb_set('[{"a": 1}]', '{0,a}', '{"deep": [1]}');
-- jsonb_set where the path goes through a scalar, or is not an integer for an array
select jsonb_set('{"a": 1}', '{a,b}', '2');
select jsonb_set('{"a": "s"}', '{a,0}', '2');
select jsonb_set('[1, 2]', '{x}', '2');
select jsonb_set('{"a": [1]}', '{a,x}', '2');
select jsonb_set('1', '{a}', '2');
select jsonb_set('"s"', '{}', '2');
select jsonb_set('{"a": 1}', '{a,null}', '2');
select jsonb_set('{"a": 1}', '{null}', '2');
-- jsonb_set with NULL arguments (it is strict: the result is NULL, not an error)
select jsonb_set('{"a": 1}', '{a}', null), jsonb_set(null, '{a}', '1'), jsonb_set('{"a": 1}', null, '1'), jsonb_set('{"a": 1}', '{a}', '1', null);
select jsonb_set('{"a": 1}', '{a}', null) is null, coalesce(jsonb_set('{"a": 1}', '{a}', null), '"fallback"');
select jsonb_set('{"a": 1}', '{a}', to_jsonb(null::text)), jsonb_set('{"a": 1}', '{a}', 'null'::jsonb);
-- jsonb_set_lax with each null_value_treatment
select jsonb_set_lax('{"a": 1, "b": 2}', '{a}', null);
select jsonb_set_lax('{"a": 1, "b": 2}', '{a}', null, true, 'raise_exception');
select jsonb_set_lax('{"a": 1, "b": 2}', '{a}', null, true, 'use_json_null');
select jsonb_set_lax('{"a": 1, "b": 2}', '{a}', null, true, 'delete_key');
select jsonb_set_lax('{"a": 1, "b": 2}', '{a}', null, true, 'return_target');
select jsonb_set_lax('{"a": 1, "b": 2}', '{z}', null, true, 'use_json_null'), jsonb_set_lax('{"a": 1, "b": 2}', '{z}', null, false, 'use_json_null');
select jsonb_set_lax('{"a": 1, "b": 2}', '{z}', null, true, 'delete_key'), jsonb_set_lax('[1, 2, 3]', '{1}', null, true, 'delete_key');
select jsonb_set_lax('{"a": {"b": 1, "c": 2}}', '{a,b}', null, true, 'delete_key');
select jsonb_set_lax('{"a": 1}', '{a}', '5', true, 'raise_exception'), jsonb_set_lax('{"a": 1}', '{a}', '5', true, 'delete_key');
select jsonb_set_lax('{"a": 1}', '{a}', '5', true, 'no_such_treatment');
select jsonb_set_lax('{"a": 1}', '{a}', null, true, 'no_such_treatment');
select jsonb_set_lax('{"a": 1}', '{a}', null, true, 'Use_Json_Null');
select jsonb_set_lax('{"a": 1}', '{a}', null, true, null);
select jsonb_set_lax(null, '{a}', null, true, 'use_json_null'), jsonb_set_lax('{"a": 1}', null, null, true, 'use_json_null');
select jsonb_set_lax('1', '{a}', null, true, 'delete_key');
-- jsonb_insert into arrays (before by default, or after)
select jsonb_insert('[1, 2, 3]', '{0}', '"x"'), jsonb_insert('[1, 2, 3]', '{0}', '"x"', true), jsonb_insert('[1, 2, 3]', '{2}', '"x"', true);
select jsonb_insert('[1, 2, 3]', '{-1}', '"x"'), jsonb_insert('[1, 2, 3]', '{-1}', '"x"', true), jsonb_insert('[1, 2, 3]', '{-3}', '"x"');
select jsonb_insert('[1, 2, 3]', '{3}', '"x"'), jsonb_insert('[1, 2, 3]', '{10}', '"x"'), jsonb_insert('[1, 2, 3]', '{-10}', '"x"');
select jsonb_insert('[]', '{0}', '1'), jsonb_insert('[]', '{0}', '1', true);
select jsonb_insert('{"a": [1, 2]}', '{a,1}', '{"new": true}'), jsonb_insert('{"a": {"b": [1]}}', '{a,b,0}', '0', true);
-- jsonb_insert into objects: only a new key
select jsonb_insert('{"a": 1}', '{b}', '2'), jsonb_insert('{"a": 1}', '{b}', '2', true), jsonb_insert('{"a": {}}', '{a,c}', '[3]');
select jsonb_insert('{"a": 1}', '{x,y}', '2'), jsonb_insert('{"a": 1}', '{}', '2');
select jsonb_insert('{"a": 1}', '{a}', '2');
select jsonb_insert('{"a": {"b": 1}}', '{a,b}', '2', true);
select jsonb_insert('{"a": 1}', '{a,0}', '2');
select jsonb_insert('[1]', '{x}', '2');
select jsonb_insert('"s"', '{0}', '2');
select jsonb_insert('{"a": 1}', '{b}', null), jsonb_insert(null, '{b}', '1');
-- UPDATE of a jsonb column
create table jm_docs (id int primary key, doc jsonb);
insert into jm_docs values
  (1, '{"name": "ann", "tags": ["a"], "stats": {"views": 1}}'),
  (2, '{"name": "bob", "tags": [], "stats": {"views": 10}}'),
  (3, '{"name": "cy"}'),
  (4, null),
  (5, '[1, 2]');
update jm_docs set doc = jsonb_set(doc, '{stats,views}', to_jsonb((doc #>> '{stats,views}')::int + 1)) where doc #> '{stats,views}' is not null;
select id, doc from jm_docs order by id;
update jm_docs set doc = doc || '{"active": true}' where jsonb_typeof(doc) = 'object';
select id, doc from jm_docs order by id;
update jm_docs set doc = jsonb_set(doc, '{tags}', (doc -> 'tags') || '"new"') where doc ? 'tags';
select id, doc -> 'tags' from jm_docs order by id;
update jm_docs set doc = jsonb_insert(doc, '{tags,0}', '"first"') where doc -> 'tags' <> '[]';
select id, doc -> 'tags' from jm_docs order by id;
update jm_docs set doc = jsonb_set(doc, '{stats}', '{"views": 0}') where id = 3;
select id, doc from jm_docs where id = 3;
update jm_docs set doc = doc - 'active' #- '{stats,views}' where id in (1, 2);
select id, doc from jm_docs order by id;
with u as (update jm_docs set doc = coalesce(doc, '{}') || jsonb_build_object('id', id) returning id, doc)
  select id, doc from u order by id;
-- jsonb_set is strict: a NULL new value wipes the whole document
update jm_docs set doc = jsonb_set(doc, '{name}', null) where id = 1;
select id, doc from jm_docs order by id;
update jm_docs set doc = jsonb_set_lax(doc, '{name}', null, true, 'delete_key') where id = 2 returning doc;
update jm_docs set doc = doc || '[3]' where id = 5 returning doc;
update jm_docs set doc = jsonb_set(doc, '{a,b}', '1') where id = 5;
update jm_docs set doc = jsonb_insert(doc, '{name}', '"dup"') where id = 3;
update jm_docs set doc = jsonb_insert(doc, '{name}', '"dup"') where id = 2;
select id, doc, doc ->> 'name' from jm_docs order by id;
drop table jm_docs;
