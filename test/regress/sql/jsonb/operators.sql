-- jsonb operators: -> ->> #> #>> (field, element and path access), @> <@ (containment),
-- ? ?| ?& (key existence), || (concatenation), - and #- (deletion); on literals, on a table
-- column, with NULL operands, precedence with casts and comparisons, and the errors.

-- -> with a text key and an integer index
select '{"a": 1, "b": {"c": [1, 2]}}'::jsonb -> 'a';
select '{"a": 1, "b": {"c": [1, 2]}}'::jsonb -> 'b';
select '{"a": 1, "b": {"c": [1, 2]}}'::jsonb -> 'missing';
select '{"a": null}'::jsonb -> 'a', ('{"a": null}'::jsonb -> 'a') is null;
select '[10, "x", null, [1], {"k": 1}]'::jsonb -> 0, '[10, "x", null, [1], {"k": 1}]'::jsonb -> 1;
select '[10, "x", null, [1], {"k": 1}]'::jsonb -> 4;
select '[10, 20, 30]'::jsonb -> -1, '[10, 20, 30]'::jsonb -> -3;
select '[10, 20, 30]'::jsonb -> 3, '[10, 20, 30]'::jsonb -> -4;
select '{"0": "zero"}'::jsonb -> 0, '{"0": "zero"}'::jsonb -> '0';
select '[10, 20]'::jsonb -> 'a', '"str"'::jsonb -> 0, '5'::jsonb -> 'a';
select '{"": 1}'::jsonb -> '';
select '[10, 20]'::jsonb -> '1', '{"a": [10, 20]}'::jsonb -> 'a' -> 1;
-- ->> returns text
select '{"a": 1, "s": "x\"y", "n": null, "t": true, "o": {"k": [1]}}'::jsonb ->> 'a';
select '{"a": 1, "s": "x\"y", "n": null, "t": true, "o": {"k": [1]}}'::jsonb ->> 's';
select ('{"n": null}'::jsonb ->> 'n') is null, '{"t": true}'::jsonb ->> 't', '{"o": {"k": [1, 2.50]}}'::jsonb ->> 'o';
select '["a", 2.50, null]'::jsonb ->> 0, '["a", 2.50, null]'::jsonb ->> 1, '["a", 2.50, null]'::jsonb ->> -1;
select '["a", "b"]'::jsonb ->> 5, pg_typeof('["a"]'::jsonb ->> 0), pg_typeof('["a"]'::jsonb -> 0);
select '{"u": "\u00e9\t"}'::jsonb ->> 'u', '{"u": "\u00e9\t"}'::jsonb -> 'u';
-- #> and #>> with text[] paths
select '{"a": {"b": {"c": 42}}}'::jsonb #> '{a,b}', '{"a": {"b": {"c": 42}}}'::jsonb #> '{a,b,c}';
select '{"a": [{"b": 1}, {"b": 2}]}'::jsonb #> '{a,1,b}', '{"a": [{"b": 1}, {"b": 2}]}'::jsonb #>> '{a,1,b}';
select '{"a": [{"b": 1}, {"b": 2}]}'::jsonb #> '{a,-1}', '{"a": [{"b": 1}, {"b": 2}]}'::jsonb #> '{a,5}';
select '{"a": [1, 2]}'::jsonb #> '{}', '{"a": [1, 2]}'::jsonb #>> '{}';
select '"just text"'::jsonb #>> '{}', '"just text"'::jsonb #> '{}';
select '{"a": {"b": 1}}'::jsonb #> '{a,x}', '{"a": {"b": 1}}'::jsonb #> '{x,b}', '{"a": {"b": 1}}'::jsonb #> '{a,b,c}';
select '{"a": [1, 2]}'::jsonb #> '{a,x}', '[[1, 2], [3, 4]]'::jsonb #> '{1,0}', '[[1, 2], [3, 4]]'::jsonb #>> array['0', '1'];
select '{"a": {"b": null}}'::jsonb #> '{a,b}', ('{"a": {"b": null}}'::jsonb #>> '{a,b}') is null;
select '{"a": 1}'::jsonb #> array['a', null], '{"a": 1}'::jsonb #> null::text[];
select '{"a b": {"c,d": 1}}'::jsonb #> '{"a b","c,d"}';
select '[1, 2]'::jsonb #> '{" 1"}', '[1, 2]'::jsonb #> '{+1}', '[1, 2]'::jsonb #> '{1.0}', '[1, 2]'::jsonb #> '{01}';
select '"s"'::jsonb #> '{0}', '"s"'::jsonb #>> '{a}', '{"a": "s"}'::jsonb #> '{a,0}';
-- @> and <@ containment
select '{"a": 1, "b": {"c": 2, "d": 3}}'::jsonb @> '{"b": {"c": 2}}', '{"a": 1, "b": {"c": 2}}'::jsonb @> '{"b": {"c": 3}}';
select '{"a": 1, "b": 2}'::jsonb @> '{}', '{}'::jsonb @> '{"a": 1}', '{}'::jsonb @> '{}';
select '{"a": 1}'::jsonb @> '{"a": 1, "b": null}', '{"a": 1, "b": null}'::jsonb @> '{"b": null}';
select '[1, 2, 3]'::jsonb @> '[3, 1]', '[1, 2, 3]'::jsonb @> '[1, 1, 1]', '[1, 1]'::jsonb @> '[1, 2]';
select '[1, 2, 3]'::jsonb @> '[]', '[]'::jsonb @> '[]', '[]'::jsonb @> '[1]';
select '[1, 2]'::jsonb @> '1', '[1, 2]'::jsonb @> '3', '1'::jsonb @> '[1]', '1'::jsonb @> '1';
select '["a", [1, 2], {"x": 1}]'::jsonb @> '[[2]]', '["a", [1, 2], {"x": 1}]'::jsonb @> '[{}]', '["a", [1, 2]]'::jsonb @> '[2]';
select '{"a": [1, 2, 3]}'::jsonb @> '{"a": [3]}', '{"a": [1, 2, 3]}'::jsonb @> '{"a": 3}';
select '[{"a": 1, "b": 2}, {"a": 3}]'::jsonb @> '[{"a": 3}]', '[{"a": 1, "b": 2}]'::jsonb @> '[{"a": 1, "b": 3}]';
select '{"a": 1}'::jsonb @> '[1]', '[{"a": 1}]'::jsonb @> '{"a": 1}', '"a"'::jsonb @> '"a"', '["a"]'::jsonb @> '"a"';
select '1.0'::jsonb @> '1', '[1.50]'::jsonb @> '[1.5]', 'null'::jsonb @> 'null', '[null]'::jsonb @> '[null]';
select '{"b": {"c": 2}}'::jsonb <@ '{"a": 1, "b": {"c": 2, "d": 3}}', '[1, 4]'::jsonb <@ '[1, 2, 3]', '1'::jsonb <@ '[1, 2]';
-- ? ?| ?&
select '{"a": 1, "b": null}'::jsonb ? 'a', '{"a": 1, "b": null}'::jsonb ? 'b', '{"a": 1}'::jsonb ? 'c';
select '{"a": {"b": 1}}'::jsonb ? 'b', '["a", "b", 1]'::jsonb ? 'b', '["a", "b", 1]'::jsonb ? '1';
select '["a", ["b"]]'::jsonb ? 'b', '"a"'::jsonb ? 'a', '1'::jsonb ? '1', '{"": 0}'::jsonb ? '';
select '{"a": 1, "b": 2}'::jsonb ?| array['b', 'z'], '{"a": 1, "b": 2}'::jsonb ?| array['y', 'z'], '{"a": 1}'::jsonb ?| '{}';
select '{"a": 1, "b": 2}'::jsonb ?& array['a', 'b'], '{"a": 1, "b": 2}'::jsonb ?& array['a', 'z'], '{"a": 1}'::jsonb ?& '{}';
select '["a", "b", "c"]'::jsonb ?& '{a,c}', '["a", "b", "c"]'::jsonb ?| '{x,c}', '"a"'::jsonb ?& '{a}';
select '{"a": 1}'::jsonb ?| array['a', null], '{"a": 1}'::jsonb ?& array['a', null];
-- || concatenation
select '{"a": 1}'::jsonb || '{"b": 2}', '{"a": 1, "b": 2}'::jsonb || '{"b": 3, "c": 4}';
select '{"a": {"x": 1}}'::jsonb || '{"a": {"y": 2}}';
select '[1, 2]'::jsonb || '[3, [4]]', '[]'::jsonb || '[]', '{}'::jsonb || '{}';
select '{"a": 1}'::jsonb || '[1, 2]', '[1, 2]'::jsonb || '{"a": 1}';
select '1'::jsonb || '[2]', '[1]'::jsonb || '2', '"a"'::jsonb || '"b"', 'null'::jsonb || 'true';
select '{"a": 1}'::jsonb || '"x"', '1'::jsonb || '{"a": 1}';
select '[1]'::jsonb || '[2]'::jsonb || '[3]', pg_typeof('[1]'::jsonb || '[2]');
-- - with a text key, an integer index and a text[] of keys
select '{"a": 1, "b": 2}'::jsonb - 'a', '{"a": 1, "b": 2}'::jsonb - 'z', '{"a": {"b": 1}}'::jsonb - 'b';
select '["a", "b", "a", 1]'::jsonb - 'a', '["a", "b"]'::jsonb - 'c', '[1, "1"]'::jsonb - '1';
select '[1]'::jsonb - 'a'::text;
select '["a", "b", "c"]'::jsonb - 1, '["a", "b", "c"]'::jsonb - -1, '["a", "b", "c"]'::jsonb - 3, '["a", "b", "c"]'::jsonb - -4;
select '[]'::jsonb - 0, '{}'::jsonb - 'a';
select '{"a": 1, "b": 2, "c": 3}'::jsonb - '{a,b}'::text[], '{"a": 1, "b": 2}'::jsonb - array['z'], '{"a": 1}'::jsonb - '{}'::text[];
select '["a", "b", "c"]'::jsonb - array['a', 'c'], '{"a": 1}'::jsonb - array['a', null];
-- #- deletes at a path
select '{"a": {"b": 1, "c": 2}}'::jsonb #- '{a,b}', '{"a": [1, 2, 3]}'::jsonb #- '{a,1}', '{"a": [1, 2, 3]}'::jsonb #- '{a,-1}';
select '{"a": [1, 2, 3]}'::jsonb #- '{a,9}', '{"a": 1}'::jsonb #- '{x,y}', '{"a": 1}'::jsonb #- '{}';
select '[{"a": 1}, {"a": 2}]'::jsonb #- '{1,a}', '{"a": {"b": 1}}'::jsonb #- '{a}';
select '{"a": [1, 2]}'::jsonb #- '{a,x}';
select '[]'::jsonb #- '{x}', '{}'::jsonb #- '{a,b}';
-- NULL operands
select null::jsonb -> 'a', '{"a": 1}'::jsonb -> null::text, '[1]'::jsonb -> null::int, null::jsonb ->> 0;
select null::jsonb @> '{}', '{}'::jsonb @> null, null::jsonb ? 'a', '{"a": 1}'::jsonb ? null;
select null::jsonb || '[1]', '[1]'::jsonb || null, '{"a": 1}'::jsonb - null::text, null::jsonb #- '{a}';
-- precedence with casts and comparisons
select '{"a": {"b": "x"}}'::jsonb -> 'a' ->> 'b', '{"a": {"b": "x"}}'::jsonb -> 'a' -> 'b';
select '{"n": "1"}'::jsonb ->> 'n' = '1', '{"n": 1}'::jsonb ->> 'n' = '1', '{"n": 1}'::jsonb -> 'n' = '1';
select ('{"n": 41}'::jsonb ->> 'n')::int + 1, ('{"n": 2.5}'::jsonb ->> 'n')::numeric * 2;
select '{"a": 1}'::jsonb || '{"b": 2}' -> 'b', '[1, 2]'::jsonb || '[3]' @> '[3]';
select '{"a": [1, 2]}'::jsonb -> 'a' -> 1, '{"a": [1, 2]}'::jsonb -> 'a' ->> 1 || 'x';
-- on a table column
create table jo_docs (id int primary key, doc jsonb);
insert into jo_docs values
  (1, '{"name": "ann", "age": 30, "tags": ["a", "b"], "addr": {"city": "Oslo", "zip": "0150"}}'),
  (2, '{"name": "bob", "age": 25, "tags": ["b"], "addr": {"city": "Rome"}}'),
  (3, '{"name": "cy", "tags": [], "active": false}'),
  (4, '[1, 2, 3]'),
  (5, '"scalar"'),
  (6, null),
  (7, '{"name": null, "age": "40"}');
select id, doc -> 'name', doc ->> 'name', doc #>> '{addr,city}' from jo_docs order by id;
select id, doc -> 0, doc ->> -1, doc -> 'tags' -> 0 from jo_docs order by id;
select id from jo_docs where doc @> '{"tags": ["b"]}' order by id;
select id from jo_docs where doc ? 'age' order by id;
select id from jo_docs where doc ?| array['active', 'addr'] order by id;
select id from jo_docs where doc ->> 'name' = 'bob';
select id, (doc ->> 'age')::int as age from jo_docs where doc ? 'age' order by age;
select id from jo_docs where doc -> 'addr' ->> 'zip' is not null;
select id from jo_docs where doc ->> 'name' is null order by id;
select id from jo_docs where doc <@ '{"name": "cy", "tags": [], "active": false, "extra": 1}' order by id;
select id, doc - 'tags' - 'addr' from jo_docs where id <= 3 order by id;
select id, doc || '{"seen": true}' from jo_docs where id in (1, 4, 5, 6) order by id;
select id, doc #- '{addr,city}' from jo_docs where id in (1, 2) order by id;
select count(*) filter (where doc @> '{"age": 30}'), count(*) filter (where doc ? 'tags') from jo_docs;
drop table jo_docs;
-- errors
select '1'::jsonb - 'a';
select '"s"'::jsonb - 0;
select '{"a": 1}'::jsonb - 0;
select '1'::jsonb - '{a}'::text[];
select '1'::jsonb #- '{a}';
select '1'::jsonb #- '{}';
select '{"a": 1}'::jsonb #- '{a,b}';
select '{"a": "x"}'::jsonb #- '{a,0}';
select '[1, 2]'::jsonb #- '{x}';
select '{"a": 1}'::text -> 'a';
select 1 -> 'a';
select '{"a": 1}' -> 'a';
select '{"a": 1'::jsonb -> 'a';
select '{"a": 1}'::jsonb @> '{"a": }';
select '{"a": 1}'::jsonb || 'not json';
select '[1]'::jsonb -> 'a'::int;
