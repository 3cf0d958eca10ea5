-- LANGUAGE sql functions: CREATE [OR REPLACE] FUNCTION, calls in positional and named notation,
-- defaults, STRICT, overloading, recursion, the catalog (pg_proc, \df), DROP FUNCTION.
create table items (id int primary key, name text, price numeric(8,2));
insert into items values (1, 'apple', 1.50), (2, 'pear', 2.25), (3, 'fig', null);

create function add1(x int) returns int as 'select x + 1' language sql;
select add1(2), add1('3'), add1(x => 4), add1(add1(1));
create function price_of(item int) returns numeric language sql stable as $$
  select price from items where id = item
$$;
select id, price_of(id), price_of(id + 1) from items order by id;
select name from items where price_of(id) > 2;

-- parameters by number and by qualified name, a column winning over a parameter
create function label(id int, suffix text) returns text language sql as
  $$ select name || $2 from items where items.id = label.id $$;
select label(1, '!'), label(2, '?'), label(9, '-');

-- defaults and named notation
create function greet(who text, greeting text default 'hello', punct text default '!') returns text
  language sql immutable as $$ select greeting || ', ' || who || punct $$;
select greet('ann'), greet('bob', 'hi'), greet('cy', punct => '?'), greet(greeting => 'hey', who => 'dee');

-- STRICT: NULL in, NULL out without running the body
create function strict_len(t text) returns int language sql strict as 'select length(t)';
create function lax_len(t text) returns int language sql as 'select coalesce(length(t), -1)';
select strict_len(null), lax_len(null), strict_len('abc');

-- overloading chooses by argument types
create function kind(int) returns text language sql as $$ select 'int' $$;
create function kind(text) returns text language sql as $$ select 'text' $$;
create function kind(numeric) returns text language sql as $$ select 'numeric' $$;
select kind(1), kind('a'::text), kind(1.5), kind(2::bigint);

-- results converted to the declared type, void, several statements
create function half(n int) returns numeric language sql as 'select n / 2.0';
create function as_int(n numeric) returns int language sql as 'select n';
create function nothing() returns void language sql as 'select 1';
create function last_of() returns int language sql as 'select 1; select 2';
select half(5), as_int(2.6), nothing(), last_of();
create function no_rows() returns int language sql as 'select 1 where false';
select no_rows() is null;

-- recursion
create function fact(n int) returns numeric language sql as
  'select case when n <= 1 then 1::numeric else n * fact(n - 1) end';
select fact(1), fact(10), fact(25);

-- in other clauses: WHERE, ORDER BY, GROUP BY, a CHECK constraint, a default, an index
select id from items order by kind(name), add1(id) desc;
select add1(id) % 2 as parity, count(*) from items group by 1 order by 1;
create function positive(n numeric) returns boolean language sql immutable as 'select n > 0';
create table orders (id int, amount numeric check (positive(amount)), tag text default greet('x'));
insert into orders (id, amount) values (1, 5);
insert into orders (id, amount) values (2, -5);
select * from orders;
create function twice(n int) returns int language sql immutable as 'select n * 2 from (select 1) one';
create index orders_twice on orders (twice(id));
create function volatile_fn(n int) returns int language sql as 'select n from (select 1) one';
create index orders_bad on orders (volatile_fn(id));

-- OR REPLACE
create or replace function add1(x int) returns int as 'select x + 100' language sql;
select add1(1);

-- the catalog
select proname, prorettype::regtype, pronargs, pronargdefaults, proargnames, provolatile, proisstrict, prokind, prolang
  from pg_proc where proname in ('add1', 'greet', 'strict_len', 'kind') order by proname, oid;
select pg_get_function_arguments('greet'::regproc), pg_get_function_result('greet'::regproc),
       pg_get_function_identity_arguments('greet'::regproc);
select 'add1'::regproc, 'add1(int)'::regprocedure, 'kind(text)'::regprocedure::oid = (select oid from pg_proc where proname = 'kind' and proargtypes[0] = 'text'::regtype);
\df add1
\df greet

-- procedures
create procedure noop() language sql as 'select 1';
select prokind, prorettype from pg_proc where proname = 'noop';

-- DROP
drop function add1;
drop function kind(int);
drop function kind;
drop function kind(text), kind(numeric);
drop function if exists kind(int);
drop procedure noop();
select count(*) from pg_proc where proname in ('add1', 'kind', 'noop');
