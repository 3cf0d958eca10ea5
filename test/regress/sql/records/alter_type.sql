-- ALTER TYPE ... ADD / DROP / ALTER / RENAME ATTRIBUTE of a composite type, and what follows it:
-- stored values (in columns, arrays, other composite types, indexes), functions, pg_attribute.
create type at_pt as (x int, y int);
create type at_seg as (a at_pt, b at_pt, label text);
create table at_store (
  id int primary key,
  p at_pt,
  ps at_pt[],
  s at_seg
);
create index at_store_p on at_store (p);
insert into at_store values
  (1, row(1, 2), array[row(1, 2), row(3, 4)]::at_pt[], row(row(1, 2), row(5, 6), 'one')),
  (2, row(7, null), null, row(null, row(8, 9), 'two')),
  (3, null, array[]::at_pt[], null);
create function at_sum(p at_pt) returns int language sql as 'select coalesce(p.x, 0) + coalesce(p.y, 0)';
create function at_show(p at_pt) returns text language plpgsql as $$ begin return p::text; end $$;
select id, p, ps, s, at_sum(p), at_show(p) from at_store order by id;

-- several changes in one statement
alter type at_pt add attribute z int, add attribute w text;
select id, p, ps, s from at_store order by id;
update at_store set p.z = 30, p.w = 'w' where id = 1;
select id, p, (p).z, at_show(p) from at_store order by id;
select id from at_store where p = row(1, 2, 30, 'w')::at_pt;

alter type at_pt drop attribute x, drop attribute if exists nosuch;
select id, p, ps, s, at_show(p) from at_store order by id;

alter type at_pt rename attribute w to tag;
select (p).tag, (s).a.tag from at_store order by id;
select attname, attnum, attisdropped, format_type(atttypid, atttypmod)
from pg_attribute where attrelid = 'at_pt'::regclass and attnum > 0 order by attnum;

-- a type no table stores changes its attribute types freely
create type at_free as (n int, m text);
alter type at_free alter attribute n type bigint;
alter type at_free alter attribute m set data type varchar(3);
select row(2147483648, 'abcd')::at_free;
select format_type(atttypid, atttypmod) from pg_attribute where attrelid = 'at_free'::regclass and attnum > 0 order by attnum;

-- errors
alter type at_pt alter attribute y type bigint;
alter type at_store add attribute q int;
alter type at_nosuch add attribute q int;
alter type at_pt add attribute v void;
alter type at_pt add attribute y text;
alter type at_pt rename attribute nosuch to q;
alter type at_pt rename attribute y to z;
alter type at_seg add attribute again at_seg[];
alter type at_pt add attribute loop at_seg;
alter type at_pt drop attribute nosuch;

-- every attribute dropped
create type at_empty as (only_one int);
create table at_empty_store (e at_empty);
insert into at_empty_store values (row(1));
alter type at_empty drop attribute only_one;
select e from at_empty_store;

drop table at_store, at_empty_store;
drop function at_sum(at_pt), at_show(at_pt);
drop type at_seg, at_pt, at_free, at_empty;
