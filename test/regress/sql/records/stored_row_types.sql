-- A table whose row type another table's column stores: ADD COLUMN (without a default) and DROP
-- COLUMN reach the stored values, in arrays and nested composite types too; a change they
-- cannot follow is refused as in PostgreSQL.
create table rt_base (a int, b text);
create table rt_user (id int, r rt_base);
insert into rt_base values (1, 'x');
insert into rt_user values (1, row(5, 'five'));
alter table rt_base add column c int;
select * from rt_user;
alter table rt_base add column d int default 7;
select * from rt_user;
alter table rt_base add column e timestamptz default now();
alter table rt_base drop column b;
select * from rt_user;
alter table rt_base alter column a type bigint;
alter table rt_base add column f serial;
select * from rt_user; select * from rt_base;
drop table rt_user, rt_base;
create table rt_inner (x int, y int);
create type rt_wrap as (w rt_inner, tag text);
create table rt_holder (id int primary key, arr rt_inner[], wrapped rt_wrap);
create index rt_holder_wrapped on rt_holder (wrapped);
insert into rt_holder values (1, array[row(1, 2), row(3, 4)]::rt_inner[], row(row(5, 6), 'w'));
alter table rt_inner drop column x, add column z text;
select id, arr, wrapped, (wrapped).w.z from rt_holder;
alter table rt_inner add column q int generated always as (y * 2) stored;
select * from rt_holder where wrapped = row(row(6, null), 'w')::rt_wrap;
drop table rt_holder;
drop type rt_wrap;
drop table rt_inner;

-- DROP TYPE ... CASCADE drops a field of a stored composite type: the stored values lose it
create type rt_leaf as (v int);
create type rt_node as (id int, leaf rt_leaf, note text);
create table rt_nodes (n rt_node, ns rt_node[]);
insert into rt_nodes values (row(1, row(10), 'a'), array[row(2, row(20), 'b')]::rt_node[]);
drop type rt_leaf cascade;
select n, ns, (n).note from rt_nodes;
insert into rt_nodes values (row(3, 'c'), null);
select * from rt_nodes order by (n).id;
drop table rt_nodes;
drop type rt_node;
