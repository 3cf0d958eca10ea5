-- Function calls as FROM items: scalar functions give one row, composite results expand into
-- columns, and a column definition list is accepted only where the result is `record`.
select * from upper('x');
select * from upper('x') as t;
select * from upper('x') with ordinality as t(u, n);
select * from abs(-3) as a(v), lower('Q') as l;
select * from jsonb_populate_record(null::record, '{"a": 1, "b": "x"}') as x(a int, b text);
create type fc_pair as (a int, b text);
select * from jsonb_populate_record(null::fc_pair, '{"a": 1}');
select * from jsonb_populate_record(null::fc_pair, '{"a": 1}') as p(x, y);
-- column definition lists where they do not belong, or are missing
select * from upper('x') as t(a int);
select * from generate_series(1, 2) as x(a int);
select * from jsonb_each('{"a": 1}') as x(k text, v jsonb);
select * from jsonb_array_elements('[1]') as x(v jsonb);
select * from jsonb_populate_record(null::fc_pair, '{"a": 1}') as x(a int, b text);
select * from jsonb_to_record('{"a": 1}');
select * from jsonb_to_recordset('[{"a": 1}]') as x;
-- the list itself: duplicate names, unknown types, SETOF
select * from jsonb_to_record('{"a": 1}') as x(a int, a text);
select * from jsonb_to_record('{"a": 1}') as x(a nosuch);
select * from jsonb_to_record('{"a": 1}') as x(a int, b serial);
select * from jsonb_to_record('{"a": 1}') as x(a setof int);
-- record-returning calls outside FROM cannot know their row type
select jsonb_to_record('{"a": 1}');
select jsonb_to_recordset('[{"a": 1}]');
select jsonb_populate_record(null::int, '{}');
-- only the FROM item's own call takes the list, not a call in its arguments
select * from jsonb_to_recordset(jsonb_build_array(jsonb_build_object('a', 2))) as x(a int);
drop type fc_pair;
