-- SQL functions returning a table's row type: the final statement may return the whole row
-- value as its one column (row(...)::t, a table's whole row, NULL::t) or the fields one by one.
create table rt(a int, b text);
insert into rt values (1, 'one'), (2, 'two');
create function mk(int) returns rt language sql as $f$ select row($1, 'x')::rt $f$;
create function mk2(int) returns setof rt language sql as $f$ select rt from rt where a >= $1 $f$;
create function mk4() returns rt language sql as $f$ select null::rt $f$;
create function mk5() returns setof rt language sql as $f$ select t from rt t union all select null::rt $f$;
create function fields() returns rt language sql as $f$ select 7, 'seven' $f$;
select mk(1), mk2(1), fields();
select * from mk(2);
select * from mk2(2);
select (fields()).b, mk4() is null, (mk4()).a;
select * from mk4();
select * from mk5();

-- a literal is a text column, not the row's text form; types are checked before the count
create function lit() returns rt language sql as $f$ select '(9,nine)' $f$;
create function short() returns rt language sql as $f$ select 'x'::text $f$;
create function short2() returns rt language sql as $f$ select 1 $f$;
create function long() returns rt language sql as $f$ select 1, 'a', 2 $f$;

-- text || a typed parameter takes the parameter's text form
create function paren(int) returns text language sql as $f$ select '(' || $1 || ')' $f$;
select paren(5);
prepare concat_param(int) as select '[' || $1 || ']';
execute concat_param(6);

-- a domain over a table's row type follows the table's columns
create domain rt_domain as rt;
alter table rt add column c int default 3;
select row(1, 'a', 2)::rt_domain;
select '(1,a,2)'::rt_domain, '(1,a)'::rt_domain;
alter table rt drop column b;
select row(4, 5)::rt_domain;
