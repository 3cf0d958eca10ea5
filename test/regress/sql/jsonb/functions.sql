-- jsonb scalar functions: jsonb_typeof, jsonb_array_length, jsonb_strip_nulls, jsonb_pretty,
-- jsonb_extract_path(_text), jsonb_object_field(_text), jsonb_build_object/array with jsonb
-- values, to_jsonb, jsonb_object, casts from jsonb to text/numbers/bool, and the aggregates
-- jsonb_agg / jsonb_object_agg.

-- jsonb_typeof
select jsonb_typeof('{"a": 1}'), jsonb_typeof('[]'), jsonb_typeof('"s"'), jsonb_typeof('1.5'), jsonb_typeof('-0');
select jsonb_typeof('true'), jsonb_typeof('false'), jsonb_typeof('null'), jsonb_typeof(null), jsonb_typeof('null'::jsonb) is null;
select jsonb_typeof('{"a": {"b": null}}'::jsonb -> 'a' -> 'b'), jsonb_typeof('{"a": 1}'::jsonb -> 'x');
-- jsonb_array_length
select jsonb_array_length('[]'), jsonb_array_length('[1, [2, 3], {"a": 4}, null]'), jsonb_array_length(null);
select jsonb_array_length('{"a": [1, 2, 3]}'::jsonb -> 'a');
select jsonb_array_length('{"a": 1}');
select jsonb_array_length('"abc"');
select jsonb_array_length('null');
-- jsonb_strip_nulls: removes object fields whose value is null, recursively, never array elements
select jsonb_strip_nulls('{"a": 1, "b": null, "c": {"d": null, "e": [null, {"f": null, "g": 2}]}}');
select jsonb_strip_nulls('[null, 1, {"a": null}]'), jsonb_strip_nulls('null'), jsonb_strip_nulls('{"a": null}');
select jsonb_strip_nulls('"x"'), jsonb_strip_nulls(null), jsonb_strip_nulls('{"a": {"b": null}}');
-- jsonb_pretty
select jsonb_pretty('{"a": 1, "b": [1, 2, {"c": null, "d": []}], "e": {}, "f": {"g": "h"}}');
select jsonb_pretty('[]'), jsonb_pretty('{}'), jsonb_pretty('1'), jsonb_pretty('"s"');
select jsonb_pretty('[[1, [2]], {"a": [{}]}]');
select jsonb_pretty(null);
-- jsonb_extract_path and jsonb_extract_path_text (variadic)
select jsonb_extract_path('{"a": {"b": [10, 20]}}', 'a', 'b', '1'), jsonb_extract_path_text('{"a": {"b": [10, "x"]}}', 'a', 'b', '1');
select jsonb_extract_path('{"a": {"b": 1}}', 'a'), jsonb_extract_path('{"a": {"b": 1}}', 'z'), jsonb_extract_path('{"a": [1, 2]}', 'a', '-1');
select jsonb_extract_path('{"a": 1}', variadic '{}'::text[]), jsonb_extract_path_text('"s"', variadic '{}'::text[]);
select jsonb_extract_path('{"a": 1}');
select jsonb_extract_path('{"a": 1}', variadic array['a']), jsonb_extract_path_text('{"a": {"b": "c"}}', variadic '{a,b}');
select jsonb_extract_path('{"a": 1}', 'a', null), jsonb_extract_path(null, 'a'), jsonb_extract_path_text('{"a": null}', 'a') is null;
-- jsonb_object_field / jsonb_object_field_text / jsonb_array_element(_text), the functions behind -> and ->>
select jsonb_object_field('{"a": {"b": 1}}', 'a'), jsonb_object_field_text('{"a": {"b": 1}}', 'a'), jsonb_object_field('[1]', 'a');
select jsonb_object_field_text('{"a": "x"}', 'a'), jsonb_object_field_text('{"a": null}', 'a') is null;
select jsonb_array_element('[1, 2, 3]', -1), jsonb_array_element_text('["x", "y"]', 0);
-- jsonb_build_object and jsonb_build_array nesting jsonb values
select jsonb_build_object('a', '{"x": [1, 2]}'::jsonb, 'b', jsonb_build_array(1, '"s"'::jsonb, null::jsonb, 'null'::jsonb));
select jsonb_build_array(jsonb_build_object('k', 1), jsonb_build_array(), jsonb_build_object(), '[]'::jsonb);
select jsonb_build_object('t', '"text"'::jsonb, 'u', '"text"'::text, 'j', '{"a": 1}'::json, 'n', 1.50);
select jsonb_build_object('b', 1, 'a', 2, 'b', 3), jsonb_build_object(true, 1, 2.5, 'x');
select jsonb_build_array(variadic array[1, 2, 3]), jsonb_build_object(variadic array['a', 'b']);
select jsonb_build_object('a', 1, 'b');
select jsonb_build_object(null, 1);
select jsonb_build_object(array[1], 1);
select jsonb_build_object('{"a": 1}'::jsonb, 1);
-- to_jsonb of various types
select to_jsonb(42), to_jsonb(-1.50::numeric), to_jsonb(1e20::float8), to_jsonb('NaN'::float8);
select to_jsonb('a "quoted" \ string'::text), to_jsonb(E'tab\tnewline\n'::text), to_jsonb(''::text), to_jsonb('x'::char(3));
select to_jsonb(true), to_jsonb(null::text), to_jsonb('2024-02-29'::date), to_jsonb('2024-02-29 13:14:15.5'::timestamp);
select to_jsonb('2024-02-29 13:14:15+02'::timestamptz), to_jsonb('12:30'::time), to_jsonb('1 day 2 hours'::interval);
select to_jsonb(array[1, null, 3]), to_jsonb(array[['a', 'b'], ['c', 'd']]), to_jsonb('{}'::int[]);
select to_jsonb(row(1, 'x', null)), to_jsonb(row(1, array[true]));
select to_jsonb('{"a": [1, 2.50]}'::json), to_jsonb('{"b": 1, "a": 2}'::jsonb), to_jsonb('[1,  2]'::json);
select to_jsonb(t) from (select 1 as id, 'n' as name, '{"k": 1}'::jsonb as doc) t;
select to_jsonb('\x00ff'::bytea), to_jsonb('00000000-0000-0000-0000-000000000001'::uuid), to_jsonb(12345678901234567890::numeric);
-- jsonb_object from text arrays
select jsonb_object('{a, 1, b, 2, c, 3}'), jsonb_object('{{a, 1}, {b, 2}}'), jsonb_object('{}'::text[]);
select jsonb_object('{a, null, b, "x y"}'), jsonb_object('{b, 1, a, 2, b, 3}');
select jsonb_object('{a, b, c}', '{1, 2, 3}'), jsonb_object('{a, b}', '{null, "{\"x\": 1}"}'), jsonb_object('{}'::text[], '{}'::text[]);
select jsonb_object('{a, b, c}');
select jsonb_object('{{a, 1, 2}, {b, 3, 4}}');
select jsonb_object('{a, null}', '{1, 2}');
select jsonb_object('{a, b}', '{1}');
select jsonb_object('{null, 1}');
-- casts to text and to SQL scalar types
select '{"b": [1, 2.50], "a": "x"}'::jsonb::text, '"x"'::jsonb::text, 'null'::jsonb::text, ('{"a": "x"}'::jsonb -> 'a')::text;
select '1'::jsonb::int, '1.5'::jsonb::numeric, '1.5'::jsonb::float8, '12345678901'::jsonb::bigint, '-2'::jsonb::smallint;
select '1.5'::jsonb::int, '2.5'::jsonb::int, '-1.5'::jsonb::int, '1e3'::jsonb::int, '1.50'::jsonb::numeric;
select '1.5'::jsonb::real, '1e300'::jsonb::float8, 'true'::jsonb::bool, 'false'::jsonb::boolean;
select ('{"n": 7}'::jsonb -> 'n')::int * 2, ('{"ok": true}'::jsonb -> 'ok')::bool and true;
select null::jsonb::int, null::jsonb::bool;
select '{"a": 1}'::jsonb::int;
select '[1]'::jsonb::numeric;
select '"1"'::jsonb::int;
select 'true'::jsonb::int;
select '1'::jsonb::bool;
select 'null'::jsonb::int;
select '"t"'::jsonb::bool;
select '{}'::jsonb::float8;
select '1e10'::jsonb::int;
select '100000'::jsonb::smallint;
select '"x"'::jsonb::varchar, '{"a": 1}'::jsonb::json;
-- jsonb_agg and jsonb_object_agg over a table
create table jf_items (id int primary key, grp text, name text, qty int, doc jsonb);
insert into jf_items values
  (1, 'x', 'pen', 3, '{"c": "red"}'),
  (2, 'x', 'ink', null, null),
  (3, 'y', 'cup', 1, '[1, 2]'),
  (4, 'y', 'mug', 2, '"plain"'),
  (5, 'z', 'box', 5, 'null');
select jsonb_agg(name order by id) from jf_items;
select jsonb_agg(qty order by qty desc nulls last) from jf_items;
select jsonb_agg(doc order by id) from jf_items;
select grp, jsonb_agg(jsonb_build_object('n', name, 'q', qty) order by name) from jf_items group by grp order by grp;
select jsonb_agg(f order by f.id) from (select id, name from jf_items where id <= 2) f;
select (select jsonb_agg(name) from jf_items where false), jsonb_agg(name order by id) filter (where qty > 2) from jf_items;
select jsonb_object_agg(name, qty order by id) from jf_items;
select jsonb_object_agg(grp, name order by id) from jf_items;
select grp, jsonb_object_agg(name, doc order by name) from jf_items group by grp order by grp;
select jsonb_object_agg(name, qty) from jf_items where false;
select jsonb_object_agg(id, name order by id) from jf_items where id < 3;
select jsonb_object_agg(case when id = 2 then null else name end, qty) from jf_items;
select jsonb_agg(distinct grp order by grp) from jf_items;
drop table jf_items;
