-- Set-returning functions inside select-list expressions: they run in lockstep with the
-- select list's other set-returning calls (PostgreSQL's ProjectSet), the expression around
-- them computed per produced row.
select generate_series(1, 3) * 10 as tens;
select generate_series(1, 3) + generate_series(1, 2) as sums;
select 'x' || generate_series(1, 2)::text, generate_series(5, 7);
select unnest(array['a', 'b']) || '!' as shout, 42 as const;
select upper(unnest(array['a', 'b'])), length(unnest(array['aa', 'bbb']));
select (jsonb_each('{"a": 1, "b": [2]}')).*;
select (jsonb_each('{"a": 1, "b": [2]}')).key, jsonb_typeof((jsonb_each('{"a": 1, "b": [2]}')).value);
create table sie_t (id int primary key, tags text[], doc jsonb);
insert into sie_t values (1, '{x,y}', '{"k": [1, 2, 3]}'), (2, '{z}', '{"k": []}'), (3, null, '{}');
select id, unnest(tags) || '-' || id as tag from sie_t order by id, tag;
select id, (jsonb_array_elements(doc -> 'k'))::int * 2 as doubled from sie_t order by id, doubled;
select unnest(tags) as tag, count(*) from sie_t group by tag order by tag;
select id, generate_series(1, id) * id from sie_t order by 1, 2;
select distinct upper(unnest(tags)) from sie_t order by 1;
select coalesce(jsonb_array_length(doc -> 'k'), 0) + generate_series(0, 1) from sie_t where id = 1;
explain (costs off) select unnest(tags) || '!' from sie_t;
-- where set-returning functions are not allowed
select id from sie_t where unnest(tags) = 'x';
select sum(generate_series(1, 3));
drop table sie_t;
-- not in CASE or COALESCE; a subquery there has a select list of its own
select case when true then generate_series(1, 2) end;
select coalesce(unnest(array[1, null]), 0);
select case when true then (select max(x) from (select generate_series(1, 3) as x) s) end;
