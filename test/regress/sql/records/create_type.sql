-- CREATE TYPE ... AS (...): composite types in expressions, functions and PL/pgSQL, the
-- catalogs that list them, DROP TYPE with its dependents, and the errors.
create type ct_point as (x int, y int);
create type ct_item as (name text, qty int, price numeric(8,2));
create type ct_shape as (origin ct_point, corners ct_point[], label text);

-- values: ROW(...)::type, a literal, field selection, expansion with .*
select row(1, 2)::ct_point as p, '(3,4)'::ct_point as q, (row(5, 6)::ct_point).y, ('(7,8)'::ct_point).*;
select row('bolt', 10, 0.25)::ct_item, ('(washer,5,0.05)'::ct_item).price;
select row(row(1, 2), array[row(0, 0)::ct_point, row(9, 9)::ct_point], 'a "b", c')::ct_shape;
select ((row(row(1, 2), null, 'x')::ct_shape).origin).x;
-- output quoting of fields: empty string, NULL, commas, quotes, parentheses, backslashes
select row('', 1, null)::ct_item, row('a,b', null, 1)::ct_item, row('say "hi"', 2, 2)::ct_item,
       row('(x)', 3, 3)::ct_item, row(E'back\\slash', 4, 4)::ct_item;
-- arrays of a composite type, unnest, comparison and ordering
select array[row(1, 2)::ct_point, row(3, 4)::ct_point] as pts;
select u from unnest(array[row(1, 2)::ct_point, row(3, 4)::ct_point]) u;
select * from unnest(array[row(1, 2)::ct_point, row(3, 4)::ct_point]) with ordinality;
select row(1, 2)::ct_point = row(1, 2)::ct_point as eq, row(1, 2)::ct_point < row(1, 3)::ct_point as lt;
select p from (values (row(2, 1)::ct_point), (row(1, 9)::ct_point), (row(1, 2)::ct_point)) v(p) order by p;
select row(1, 2)::ct_point is null as all_null, row(null, null)::ct_point is null as none_set;

-- functions taking and returning a composite type, set-returning ones in FROM
create function ct_mid(a ct_point, b ct_point) returns ct_point language sql
  as 'select row((a.x + b.x) / 2, (a.y + b.y) / 2)::ct_point';
select ct_mid(row(0, 0), row(10, 20)), (ct_mid(row(0, 0), row(10, 20))).y;
select * from ct_mid(row(2, 2), row(4, 6));
create function ct_points(n int) returns setof ct_point language sql
  as 'select g, g * g from generate_series(1, n) g';
select * from ct_points(3) order by x;
select p.x + p.y as s from ct_points(4) p order by s;
-- PL/pgSQL variables of a composite type, field assignment, RETURN of one
create function ct_flip(p ct_point) returns ct_point language plpgsql as $$
declare r ct_point;
begin
  r.x := p.y;
  r.y := p.x;
  return r;
end $$;
select ct_flip(row(1, 2));
do $$
declare s ct_shape;
begin
  s := row(row(1, 2), array[row(3, 4)::ct_point], 'tri');
  s.label := upper(s.label);
  raise notice '% % %', s, (s.origin).y, s.corners[1];
end $$;

-- the catalogs: pg_class relkind c, pg_type typtype c with its relation, its attributes
select relkind, relnatts from pg_class where relname = 'ct_point';
select t.typtype, t.typcategory, c.relname = t.typname as same_name
  from pg_type t join pg_class c on c.oid = t.typrelid where t.typname = 'ct_point';
select attname, format_type(atttypid, atttypmod) from pg_attribute
  where attrelid = 'ct_item'::regclass and attnum > 0 order by attnum;
select format_type('ct_point'::regtype, null), 'ct_point[]'::regtype, pg_typeof(row(1, 2)::ct_point);
comment on type ct_point is 'a point';
select obj_description('ct_point'::regtype, 'pg_type');
alter type ct_point owner to current_user;

-- errors: a composite type is not a table
select * from ct_point;
insert into ct_point values (1, 2);
drop table ct_point;
alter table ct_point add column z int;
create index on ct_point (x);
-- errors: names taken, attributes twice, pseudo-types, casts and fields that do not fit
create type ct_point as (z int);
create table ct_clash (a int);
create type ct_clash as (a int);
create type ct_twice as (a int, a text);
create type ct_pseudo as (a record);
select row(1, 2, 3)::ct_point;
select '(1,2,3)'::ct_point;
select x.p.z from (select row(1, 2)::ct_point as p) x;

-- columns of a composite type: stored, read field by field, updated field by field
create table ct_shapes (id int primary key, origin ct_point, items ct_item[]);
insert into ct_shapes values
  (1, row(1, 2)::ct_point, array[row('bolt', 10, 0.25)::ct_item, row('nut', 20, 0.1)::ct_item]),
  (2, '(3,4)', '{"(washer,5,0.05)"}'),
  (3, (0, 0), null),
  (4, null, '{}');
select * from ct_shapes order by id;
select id, (origin).x, (origin).y, (items[1]).name, (items[2]).qty from ct_shapes order by id;
select id, i.name, i.qty * i.price as cost from ct_shapes, unnest(items) i order by id, i.name;
update ct_shapes set origin.x = 100 where id = 1;
update ct_shapes set origin.y = 9 where id = 4;
update ct_shapes set origin.x = 5, origin.y = 6 where id = 3;
select id, origin, origin is null as is_null from ct_shapes order by id;
update ct_shapes set origin.nosuch = 1;
update ct_shapes set id.x = 1;
update ct_shapes set origin = row(1, 1), origin.x = 2;
-- INSERT names fields of a composite column: the others are NULL
insert into ct_shapes (id, origin.x, origin.y) values (5, 50, 60);
insert into ct_shapes (id, origin.y) values (6, 7) returning id, origin;
insert into ct_shapes (id, origin.x, origin.x) select 7, 1, 2 returning origin;
insert into ct_shapes (id, origin, origin.x) values (8, null, 2);
insert into ct_shapes (id, origin.z) values (8, 1);
delete from ct_shapes where id > 4;
-- composite values compare, sort and index field by field (a NULL field sorts last)
select id from ct_shapes where origin = row(100, 2)::ct_point;
select id, origin from ct_shapes order by origin;
create index ct_shapes_origin on ct_shapes (origin);
select id from ct_shapes where origin > row(3, 0)::ct_point order by origin;
select id from ct_shapes where origin = '(5,6)';
-- a table's row type as a column type
create table ct_pairs (a int, b text);
create table ct_holder (p ct_pairs);
insert into ct_holder values (row(1, 'one')), ('(2,two)');
select p, (p).b from ct_holder order by (p).a;
drop table ct_pairs;
drop table ct_pairs cascade;
select * from ct_holder;
drop table ct_holder;
drop index ct_shapes_origin;

-- DROP TYPE: what depends on it, then CASCADE
create view ct_view as select row(1, 2)::ct_point as p;
drop type ct_point;
drop type ct_point cascade;
select attname from pg_attribute where attrelid = 'ct_shape'::regclass and attnum > 0 and not attisdropped order by attnum;
select * from ct_shapes order by id;
select count(*) from pg_proc where proname in ('ct_mid', 'ct_points', 'ct_flip');
drop type ct_item;
drop type ct_item, ct_shape cascade;
select * from ct_shapes order by id;
drop type if exists ct_item;
select count(*) from pg_type where typname like 'ct\_%';
