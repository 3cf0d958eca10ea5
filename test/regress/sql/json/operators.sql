-- json (not jsonb) operators and functions, which work on the input text as written: -> ->> #> #>>
-- keep whitespace, key order and duplicate keys; json_typeof, json_array_length,
-- json_extract_path(_text), json_object_keys, json_each(_text), json_array_elements(_text),
-- json_strip_nulls; casts between json, jsonb and text; NULL inputs, a table column, and errors.

-- the json type keeps its input text
select '{"b": 1,   "a": [1,  2], "b": 3}'::json;
select '  [1 ,2]  '::json, '{"a":1}'::json::text, pg_typeof('{}'::json);
select '{"a": 1.50, "b": 1e3, "c": "\u00e9"}'::json;
-- -> on objects: whitespace inside the value and duplicate keys (the last one wins)
select '{"a": [1,   2], "b": {"x" :  1}}'::json -> 'a', '{"a": [1,   2], "b": {"x" :  1}}'::json -> 'b';
select '{"a": [1,   2], "a": 3}'::json -> 'a';
select '{"a": 3, "a": [1,   2]}'::json -> 'a';
select '{"a": 1}'::json -> 'missing', '{"a": null}'::json -> 'a', ('{"a": null}'::json -> 'a') is null;
select '{"a": "x\"y"}'::json -> 'a', '{"a": "\u00e9\n"}'::json -> 'a', '{"a": 1.50}'::json -> 'a';
select '{"a": {"b": {"c": [1,2,  3]}}}'::json -> 'a' -> 'b' -> 'c';
select '{"": 5, "a b": 6}'::json -> '', '{"": 5, "a b": 6}'::json -> 'a b';
-- -> on arrays, negative and out-of-range indexes
select '[10,  "x", null, [1,2], {"k":  1}]'::json -> 0, '[10,  "x", null, [1,2], {"k":  1}]'::json -> 1;
select '[10,  "x", null, [1,2], {"k":  1}]'::json -> 3, '[10,  "x", null, [1,2], {"k":  1}]'::json -> 4;
select '[10, 20, 30]'::json -> -1, '[10, 20, 30]'::json -> -3, '[10, 20, 30]'::json -> -4, '[10, 20, 30]'::json -> 3;
select '[10, 20]'::json -> 'a', '{"0": 1}'::json -> 0, '"str"'::json -> 0, '5'::json -> 'a';
select pg_typeof('{"a": 1}'::json -> 'a'), pg_typeof('{"a": 1}'::json ->> 'a');
-- ->> returns text, de-escaping strings and keeping the text of other values
select '{"a": "x\"y", "b": "\u00e9\t!", "c": [1,  2], "d": {"k" : true}}'::json ->> 'a';
select '{"a": "x\"y", "b": "\u00e9\t!", "c": [1,  2], "d": {"k" : true}}'::json ->> 'b';
select '{"a": "x\"y", "b": "\u00e9\t!", "c": [1,  2], "d": {"k" : true}}'::json ->> 'c';
select '{"a": "x\"y", "b": "\u00e9\t!", "c": [1,  2], "d": {"k" : true}}'::json ->> 'd';
select '{"n": null, "t": true, "f": 1.50}'::json ->> 'n' is null, '{"n": null, "t": true, "f": 1.50}'::json ->> 't', '{"n": null, "t": true, "f": 1.50}'::json ->> 'f';
select '["a", 2.50, null]'::json ->> 0, '["a", 2.50, null]'::json ->> 1, '["a", 2.50, null]'::json ->> -1 is null;
select '{"a": 1, "a": "two"}'::json ->> 'a';
-- #> and #>> with text[] paths
select '{"a": {"b": [1,  {"c":  "x"}]}}'::json #> '{a,b}', '{"a": {"b": [1,  {"c":  "x"}]}}'::json #> '{a,b,1}';
select '{"a": {"b": [1,  {"c":  "x"}]}}'::json #> '{a,b,1,c}', '{"a": {"b": [1,  {"c":  "x"}]}}'::json #>> '{a,b,1,c}';
select '{"a": {"b": [1,  {"c":  "x"}]}}'::json #> '{a,b,-1}', '{"a": {"b": [1, 2]}}'::json #> '{a,b,5}', '{"a": 1}'::json #> '{a,b}';
select '{"a": [1,   2]}'::json #> '{}', '{"a": [1,   2]}'::json #>> '{}', '"text"'::json #>> '{}';
select '{"a": {"x": 1}, "a": {"x":  2}}'::json #> '{a,x}', '{"a": {"x": 1}, "a": {"y": 2}}'::json #> '{a,x}';
select '{"a": [1, 2]}'::json #> '{a,x}', '{"a": 1}'::json #> array['a', null], '{"a": 1}'::json #> null::text[];
-- json_typeof
select json_typeof('{"a": 1}'), json_typeof('[1]'), json_typeof('"s"'), json_typeof('1.5'), json_typeof('-0');
select json_typeof('true'), json_typeof('false'), json_typeof('null'), json_typeof(null), json_typeof('  {} ');
select json_typeof('{"a": null}'::json -> 'a'), json_typeof('{"a": [1,2]}'::json -> 'a');
-- json_array_length
select json_array_length('[1, [2, 3], {"a": 4}, null]'), json_array_length('[]'), json_array_length('[  ]'), json_array_length(null);
select json_array_length('{"a": 1}');
select json_array_length('"abc"');
select json_array_length('5');
-- json_extract_path and json_extract_path_text (variadic, like #> and #>>)
select json_extract_path('{"a": {"b": [1,  2]}}', 'a'), json_extract_path('{"a": {"b": [1,  2]}}', 'a', 'b', '1');
select json_extract_path('{"a": {"b": [1,  2]}}', 'a', 'x'), json_extract_path('{"a": 1}', null), json_extract_path('{"a": 1}', variadic '{}');
select json_extract_path('{"a": 1}');
select json_extract_path_text('{"a": {"b": "x\"y"}}', 'a', 'b'), json_extract_path_text('{"a": {"b": [1,  2]}}', 'a', 'b');
select json_extract_path_text('{"a": null}', 'a') is null, json_extract_path_text('[1, 2]', '-1');
select json_extract_path('{"a": [1], "a": [2]}', 'a', '0'), json_extract_path(null, 'a'), json_extract_path_text('{"a": 1}', variadic array['a']);
-- json_object_keys keeps duplicates and input order
select json_object_keys('{"b": 1, "a": 2, "b": 3, "c": {"d": 4}}');
select k from json_object_keys('{"z": 1, "y": 2, "x": 3}') with ordinality as t(k, n) order by n;
select json_object_keys('{}'), json_object_keys(null);
select json_object_keys('[1, 2]');
select json_object_keys('"s"');
-- json_each and json_each_text, in FROM and in the select list
select * from json_each('{"b": [1,  2], "a": "x\"y", "b": null, "c": {"k" :  1}}');
select * from json_each_text('{"b": [1,  2], "a": "x\"y", "b": null, "c": {"k" :  1}}');
select key, value, pg_typeof(value) from json_each('{"n": 1.50}') union all select key, value::json, pg_typeof(value) from json_each_text('{"n": 1.50}');
select json_each('{"a": 1, "b": [true]}'), json_each_text('{"a": 1, "b": [true]}');
select e.key, e.value is null, e.value from json_each_text('{"x": null, "y": "null"}') e;
select count(*) from json_each('{}');
select * from json_each('[1, 2]');
select * from json_each_text('"s"');
select * from json_each('null');
-- json_array_elements and json_array_elements_text
select * from json_array_elements('[1,  "two", [3,   4], {"k" :  5}, null, "x\"y"]');
select * from json_array_elements_text('[1,  "two", [3,   4], {"k" :  5}, null, "x\"y"]');
select value, ordinality from json_array_elements('[{"a":1}, {"a":1}]') with ordinality;
select json_array_elements('[[1], [2]]') -> 0, json_array_elements_text('["a", "b"]') || '!';
select count(*) from json_array_elements('[]') a, json_array_elements(null) b;
select * from json_array_elements('{"a": 1}');
select * from json_array_elements_text('1');
-- json_strip_nulls removes null-valued object fields (recursively), not array elements
select json_strip_nulls('{"a": 1, "b": null, "c": {"d": null, "e": [1, null, {"f": null}]}}');
select json_strip_nulls('[null, {"a": null}]'), json_strip_nulls('null'), json_strip_nulls(null), json_strip_nulls('{"a":  [1,   2], "b": null}');
-- casts between json, jsonb and text
select '{"b": 1, "a": [1,   2], "b": 3}'::json::jsonb;
select '{"b": 1, "a": [1,   2]}'::jsonb::json, '{"a": 1.50}'::json::jsonb, '{"a": 1e2}'::json::jsonb;
select '  [1,  2]  '::json::text, length('  [1,  2]  '::json::text), '[1,  2]'::json::text = '[1,  2]';
select '"\u00e9"'::json, '"\u00e9"'::json::jsonb, '"\u00e9"'::json ->> 0 is null, '"\u00e9"'::json #>> '{}';
select '{"a": 1}'::json = '{"a": 1}'::json;
select '{"a": 1}'::json::jsonb = '{"a":1}'::json::jsonb, '{"a": 1}'::json::text = '{"a":1}'::json::text;
select 'abc'::text::json;
select '{"a":}'::json;
select '{"a": 1} x'::json;
-- NULL inputs
select null::json -> 'a', '{"a": 1}'::json -> null::text, '[1]'::json -> null::int, null::json ->> 0;
select null::json #> '{a}', null::json #>> '{a}', null::json::jsonb, null::jsonb::json;
-- a table with a json column
create table jo_json (id int primary key, doc json);
insert into jo_json values
  (1, '{"name": "ann",  "tags": ["a",  "b"], "name": "Ann"}'),
  (2, '{"name": "bob", "tags": [], "addr": {"city" :  "Rome"}}'),
  (3, '[1, 2,  3]'),
  (4, '"scalar"'),
  (5, null);
select id, doc -> 'name', doc ->> 'name', doc -> 'tags', doc #>> '{addr,city}' from jo_json order by id;
select id, json_typeof(doc), doc -> 0, doc::jsonb from jo_json order by id;
select id, k.key, k.value from jo_json, json_each(doc) k where json_typeof(doc) = 'object' order by id, k.key, k.value::text;
select id, t.value, t.n from jo_json cross join lateral json_array_elements_text(doc -> 'tags') with ordinality t(value, n) order by id, t.n;
select id from jo_json where doc ->> 'name' = 'Ann';
select id, json_array_length(doc) from jo_json where json_typeof(doc) = 'array';
select id from jo_json where doc = '[1, 2,  3]';
select id from jo_json where doc::text = '[1, 2,  3]' or doc::text = '[1, 2, 3]';
select id from jo_json where doc::jsonb = '[1, 2, 3]';
select id, json_object_keys(doc) from jo_json where json_typeof(doc) = 'object' order by id, 2;
select id, json_object_keys(doc) from jo_json where id in (1, 3) order by id;
drop table jo_json;
-- operators jsonb has but json lacks
select '{"a": 1}'::json @> '{"a": 1}';
select '{"a": 1}'::json ? 'a';
select '[1]'::json || '[2]';
-- json keeps \u0000 as written (its input function only checks the text)
select '["\u0000", 1]'::json, '"\u0000"'::json;
