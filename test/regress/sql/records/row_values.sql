-- Row values: ROW(...) and (a, b) constructors, a table's whole row, field selection, row
-- output, comparison, IS NULL, and rows as JSON.
create table rt (a int not null, b text, c numeric(6,2));
insert into rt values (1, 'x y', 1.5), (2, null, null), (3, '', 2), (4, 'q"uo\te', 0), (5, '(a,b)', -1);

-- constructors and their output
select row(1, 'a'), (1, 'a') as pair, row(), row(null, null), row(1, row(2, 'a b'));
select row(1, 'x y', null, '', 'q"uo\te', '(a,b)');
select pg_typeof(row(1, 'a')), pg_typeof((1, 2));
select (row(1, 'a')).f1, (row(1, 'a', 2.5)).f3;

-- a table's whole row, as `t`, `t.*` and through an alias
select rt from rt order by a;
select r from rt r order by a;
select rt.*, rt from rt where a < 3 order by a;
select row(rt.*, 'extra') from rt order by a;
select pg_typeof(rt) from rt limit 1;
select (rt).b, (rt.*).a, (r).c from rt, rt r where rt.a = r.a order by rt.a;
select (rt).* from rt order by a;
select (s.x).* from (select rt as x from rt) s order by 1;
select x from (select a, b from rt) x order by a;

-- NULL rows and IS NULL
select row(null, null) is null, row(1, null) is null, row(1, null) is not null, row(1, 2) is not null;
select a, rt is null, rt is not null from rt order by a;
select t2 from (select 1) x left join rt t2 on false;
select t2 is null, row_to_json(t2) from (select 1) x left join rt t2 on false;

-- comparisons of rows
select row(1, 2) = row(1, 2), row(1, 2) < row(1, 3), row(1, null) = row(1, null);
select (1, 'a')::rt = (1, 'a')::rt;
select a from rt where rt = row(1, 'x y', 1.5) order by a;
select a from rt where rt = (1, 'x y', 1.5)::rt order by a;
select r1.a, r2.a from rt r1, rt r2 where r1 < r2 and r1.a > 3 order by 1, 2;
select count(distinct rt) from rt;
select a from rt order by rt desc;

-- text input of a table's row type, and casts
select '(1,abc,2)'::rt, '(1,"a b",)'::rt, '( 1 ,x,3)'::rt, '(1,"a""b",)'::rt, '(1,a\,b,)'::rt;
select row(1, 'a', 2)::rt, row('7', 2, '3.333')::rt, (row(true, 2, 3)::rt).a;
select rt::text from rt order by a;
select '{"(1,a,2)","(2,,)"}'::rt[];
select array_agg(rt order by a) from rt;
select (array_agg(rt order by a))[2] from rt;

-- rows as JSON
select row_to_json(rt), to_json(rt), to_jsonb(rt) from rt order by a;
select row_to_json(row(1, 'a')), row_to_json(row(1, 'a'), true);
select row_to_json(x) from (select 1 as n, 'x' as s, array[1, 2] as arr, row(1, 'a') as nested) x;
select json_build_object('r', rt) from rt where a = 1;

-- a grouped query may read the whole row when GROUP BY has its primary key
create table gq (id int primary key, v text);
insert into gq values (1, 'a'), (2, 'b');
select gq, count(*) from gq group by id order by id;
select count(*) from rt group by rt order by 1;

-- the catalog: a table's row type in pg_type
select typname, typtype, typcategory, typrelid::regclass, typarray::regtype, typinput, typoutput
  from pg_type where typrelid = 'rt'::regclass;
select t.typname, e.typname as elem, t.typcategory from pg_type t join pg_type e on t.typelem = e.oid
  where e.typrelid = 'rt'::regclass;
select reltype = (select oid from pg_type where typname = 'rt') from pg_class where relname = 'rt';
select 'rt'::regtype, 'rt[]'::regtype, format_type('rt'::regtype, null);
