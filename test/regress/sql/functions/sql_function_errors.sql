-- CREATE / DROP / calls of functions: PostgreSQL's errors.
create function f1(x int) returns int as 'select x' language sql;
create function f1(x int) returns int as 'select x' language sql;
create or replace function f1(x int) returns bigint as 'select x' language sql;
create function bad_lang() returns int as 'select 1' language nosuch;
create function bad_ret() returns int as $$ select 'a' $$ language sql;
create function bad_cols() returns int as 'select 1, 2' language sql;
create function bad_default(a int default 1, b int) returns int language sql as 'select 1';
create function bad_dup(a int, a int) returns int language sql as 'select 1';
create function no_ret() language sql as 'select 1';
create function no_lang() returns int as 'select 1';
create function redundant() returns int language sql volatile strict immutable as 'select 1';
create function bad_variadic(variadic a int) returns int language sql as 'select 1';
create function f2(int) returns int language sql as 'select 1';
create function f2(bigint) returns int language sql as 'select 2';
select f2('7');
select f2(1, 2);
select nope_fn(1);
select f1(y => 1);
select f1(1, x => 2);
create procedure p1() language sql as 'select 1';
select p1();
drop function f2;
drop function nope;
drop function nope(int);
drop function if exists nope(int);
drop function if exists nope;
drop function f1(text);
drop procedure f1(int);
drop function p1();
create function div0(n int) returns int language sql as 'select 1 / n from (select 1) one';
select div0(0);
create function trig() returns trigger language plpgsql as $$ begin return new; end $$;
select trig();
-- errors in a body point into it, in the CREATE statement
create function bad_param(a int) returns int language sql as 'select $2';
create function bad_name(a int) returns int language sql as 'select b';
create function bad_quoted(a int) returns text language sql as 'select ''it''''s'' || nope';
create function bad_dollar(a int) returns int language sql as $body$
  select a
    from nope
$body$;
