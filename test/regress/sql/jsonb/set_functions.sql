-- jsonb set-returning functions: jsonb_each, jsonb_each_text, jsonb_array_elements,
-- jsonb_array_elements_text, jsonb_object_keys; in FROM and in select lists, LATERAL over a
-- table, WITH ORDINALITY, column aliases, NULL input and the errors for the wrong kind of value.

-- jsonb_each and jsonb_each_text in FROM (keys come back in jsonb's storage order)
select * from jsonb_each('{"b": 1, "a": "x", "cc": null, "d": [1, 2], "e": {"f": true}}');
select * from jsonb_each_text('{"b": 1, "a": "x", "cc": null, "d": [1, 2], "e": {"f": true}}');
select key, value, jsonb_typeof(value), pg_typeof(value) from jsonb_each('{"n": 1.50, "s": "t"}') order by key;
select key, value is null, pg_typeof(value) from jsonb_each_text('{"n": null, "s": "null"}') order by key;
select * from jsonb_each('{}');
select count(*) from jsonb_each('{"a": 1, "a": 2, "b": 3}');
select * from jsonb_each(null);
select * from jsonb_each_text(null::jsonb);
-- column aliases and ordinality
select * from jsonb_each('{"x": 10, "y": 20}') as t(k, v);
select t.k, t.v from jsonb_each_text('{"x": 10, "y": 20}') as t(k, v) where t.v::int > 15;
select * from jsonb_each('{"x": 10, "y": 20}') with ordinality;
select * from jsonb_each_text('{"x": 10, "y": 20}') with ordinality as t(k, v, n);
select e.key from jsonb_each('{"x": 1}') e;
-- in a select list
select jsonb_each('{"a": 1, "b": [2]}');
select (jsonb_each('{"a": 1, "b": [2]}')).key, (jsonb_each('{"a": 1, "b": [2]}')).value;
select (jsonb_each_text('{"a": 1, "b": [2]}')).*;
select jsonb_object_keys('{"b": 1, "a": 2}'), 'const';
-- jsonb_array_elements and jsonb_array_elements_text
select * from jsonb_array_elements('[1, "two", null, [3], {"four": 4}, true, 5.50]');
select * from jsonb_array_elements_text('[1, "two", null, [3], {"four": 4}, true, 5.50]');
select value, value is null from jsonb_array_elements_text('[null, "null"]');
select value, value is null from jsonb_array_elements('[null]');
select * from jsonb_array_elements('[]');
select * from jsonb_array_elements(null);
select * from jsonb_array_elements('[[1, 2], [3]]') as t(inner_arr);
select * from jsonb_array_elements_text('["a", "b", "c"]') with ordinality as t(v, i) order by i desc;
select v, i from jsonb_array_elements('[10, 20, 30]') with ordinality as t(v, i) where i > 1;
select jsonb_array_elements('[1, [2, 3]]'), jsonb_array_elements_text('["x", "y"]');
select jsonb_array_elements_text('["a", "b"]') || '!';
select sum(value::numeric) from jsonb_array_elements_text('[1, 2.5, 3]');
select string_agg(value, ',' order by value) from jsonb_array_elements_text('["c", "a", "b"]');
select jsonb_agg(value order by value desc) from jsonb_array_elements('[3, 1, 2]');
-- jsonb_object_keys
select * from jsonb_object_keys('{"b": 1, "a": {"inner": 2}, "aa": 3}');
select jsonb_object_keys('{"z": 1, "y": 2}') as k order by k;
select * from jsonb_object_keys('{}');
select * from jsonb_object_keys(null);
select * from jsonb_object_keys('{"k": 1}') with ordinality as t(name, n);
select array_agg(k order by k) from jsonb_object_keys('{"b": 1, "a": 2, "c": 3}') k;
-- LATERAL over a table
create table jsf_orders (id int primary key, info jsonb);
insert into jsf_orders values
  (1, '{"customer": "ann", "items": [{"sku": "a1", "qty": 2}, {"sku": "b2", "qty": 1}], "attrs": {"gift": true}}'),
  (2, '{"customer": "bob", "items": [], "attrs": {}}'),
  (3, '{"customer": "cy", "items": [{"sku": "a1", "qty": 5}], "attrs": {"rush": 1, "note": "x"}}'),
  (4, null),
  (5, '{"customer": "dee"}');
select o.id, i.value ->> 'sku' as sku, (i.value ->> 'qty')::int as qty
  from jsf_orders o, jsonb_array_elements(o.info -> 'items') i order by o.id, sku;
select o.id, i.ord, i.item ->> 'sku' from jsf_orders o
  cross join lateral jsonb_array_elements(o.info -> 'items') with ordinality as i(item, ord) order by o.id, i.ord;
select o.id, count(i.value) from jsf_orders o
  left join lateral jsonb_array_elements(o.info -> 'items') i on true group by o.id order by o.id;
select o.id, a.key, a.value from jsf_orders o, jsonb_each(o.info -> 'attrs') a order by o.id, a.key;
select o.id, a.k, a.v from jsf_orders o, lateral jsonb_each_text(o.info -> 'attrs') as a(k, v) order by 1, 2;
select o.id, k from jsf_orders o, jsonb_object_keys(o.info) k order by o.id, k;
select i.value ->> 'sku' as sku, sum((i.value ->> 'qty')::int) from jsf_orders o, jsonb_array_elements(o.info -> 'items') i
  group by sku order by sku;
select id, jsonb_array_length(info -> 'items') from jsf_orders order by id;
select id, (select count(*) from jsonb_object_keys(info)) from jsf_orders order by id;
select id from jsf_orders o where exists (select 1 from jsonb_array_elements(o.info -> 'items') i where (i.value ->> 'qty')::int > 3) order by id;
select id, jsonb_object_keys(info -> 'attrs') from jsf_orders order by 1, 2;
drop table jsf_orders;
-- errors
select * from jsonb_each('[1, 2]');
select * from jsonb_each('1');
select * from jsonb_each_text('"s"');
select * from jsonb_each_text('[]');
select * from jsonb_array_elements('{"a": 1}');
select * from jsonb_array_elements('1');
select * from jsonb_array_elements('null');
select * from jsonb_array_elements_text('{"a": 1}');
select * from jsonb_array_elements_text('"s"');
select * from jsonb_object_keys('1');
select * from jsonb_object_keys('[1, 2]');
select * from jsonb_object_keys('"s"');
select * from jsonb_each('{"a": 1}') as t(k, v, extra);
select * from jsonb_array_elements('[1');
