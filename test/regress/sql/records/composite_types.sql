-- Composite types: CREATE TYPE AS, composite columns, ROW(...)::type, field selection and
-- assignment, comparison, arrays of composites, output quoting, functions, ALTER / DROP TYPE.
create type ct_point as (x int, y int);
create type ct_item as (name text, qty int, price numeric(8,2));
create table ct_shapes (id int primary key, origin ct_point, items ct_item[]);

-- constructing values: ROW(...)::type, a literal, and the implicit ROW of (a, b)
insert into ct_shapes values
  (1, row(1, 2)::ct_point, array[row('bolt', 10, 0.25)::ct_item, row('nut', 20, 0.1)::ct_item]),
  (2, '(3,4)', '{"(washer,5,0.05)"}'),
  (3, (0, 0), null),
  (4, null, '{}');
select id, origin, items from ct_shapes order by id;

-- field selection needs parentheses around the column
select id, (origin).x, (origin).y, (items[1]).name, (items[2]).qty from ct_shapes order by id;
select (row(5, 6)::ct_point).y, (('(7,8)'::ct_point)).*;
select origin.x from ct_shapes;

-- assigning one field keeps the others; on a NULL composite the rest stay NULL
update ct_shapes set origin.x = 100 where id = 1;
update ct_shapes set origin.y = 9 where id = 4;
insert into ct_shapes (id, origin.x, origin.y) values (5, 50, 60);
select id, origin, origin is null as all_null from ct_shapes order by id;

-- comparison is field by field; ORDER BY a composite column
select row(1, 2)::ct_point = row(1, 2)::ct_point as eq,
       row(1, 2)::ct_point < row(1, 3)::ct_point as lt,
       row(2, 0)::ct_point > row(1, 9)::ct_point as gt,
       row(1, null)::ct_point = row(1, 2)::ct_point as with_null;
select id, origin from ct_shapes where origin is not null order by origin desc;

-- record output quotes fields with commas, quotes, parentheses, blanks; empty string vs NULL
select row('a,b', 1, 2)::ct_item, row('say "hi"', null, 3)::ct_item,
       row('', 0, null)::ct_item, row(' padded ', 1, 1)::ct_item, row('(x)', 1, 1)::ct_item;
select array[row('a b', 1, 1)::ct_item, row(null, 2, 2)::ct_item];
select ('("x\\y",1,2.5)'::ct_item).name, ('("x\\y",1,2.5)'::ct_item);

-- arrays of composites: element fields, unnest into columns
select id, i.name, i.qty * i.price as cost from ct_shapes, unnest(items) i order by id, i.name;

-- a function returning a composite type
create function ct_mid(a ct_point, b ct_point) returns ct_point language sql
  as $$ select ((a.x + b.x) / 2, (a.y + b.y) / 2)::ct_point $$;
select ct_mid('(0,0)', '(10,20)');
select * from ct_mid('(0,0)', '(10,20)');
select (ct_mid('(2,2)', '(4,8)')).y;
create function ct_points(n int) returns setof ct_point language sql
  as $$ select g, g * g from generate_series(1, n) g $$;
select * from ct_points(3) order by x;

-- a table's row type is a composite type as well
create table ct_owner (id int, name text);
create table ct_wrap (o ct_owner);
insert into ct_wrap values (row(1, 'ann')), ('(2,bob)');
select o, (o).name from ct_wrap order by (o).id;

-- ALTER TYPE adds, renames and drops attributes; existing values follow
alter type ct_point add attribute z int;
select id, origin from ct_shapes order by id;
alter type ct_point rename attribute z to depth;
update ct_shapes set origin.depth = 7 where id = 1;
select (origin).depth from ct_shapes where id = 1;
alter type ct_point drop attribute y;
select id, origin from ct_shapes order by id;
alter type ct_point drop attribute if exists nosuch;
alter type ct_point drop attribute nosuch;

-- errors: unknown field, bad casts, duplicate and self-referencing attributes
select (origin).nosuch from ct_shapes;
update ct_shapes set origin.nosuch = 1;
select row(1, 2, 3, 4)::ct_point;
select '(1,2,3,4)'::ct_point;
create type ct_dup as (a int, a text);
alter type ct_point add attribute x text;
alter type ct_point alter attribute x type bigint;
create type ct_self as (a int);
alter type ct_self add attribute me ct_self;
alter type ct_self add attribute many ct_self[];

-- DROP TYPE with a dependent column, then CASCADE
drop type ct_point;
drop type ct_point cascade;
select * from ct_shapes order by id;
drop type ct_item, ct_self cascade;
select id from ct_shapes order by id;
