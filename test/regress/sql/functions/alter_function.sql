-- ALTER FUNCTION / PROCEDURE / ROUTINE: attributes, SET / RESET, RENAME TO, and the errors.
create function af_add(a int, b int) returns int language sql as 'select a + b';
create function af_set(n int) returns setof int language sql as 'select generate_series(1, n)';
create procedure af_proc(x int) language plpgsql as $$ begin raise notice 'x = %', x; end $$;
select proname, provolatile, proisstrict, prosecdef, proleakproof, procost, prorows, proparallel, proconfig
  from pg_proc where proname like 'af\_%' order by proname;

-- attributes change, each shown by pg_proc
alter function af_add(int, int) immutable strict leakproof cost 5 parallel safe;
alter function af_add(int, int) set search_path = public, pg_temp set work_mem = '8MB';
alter function af_add(int, int) set work_mem = '16MB';
alter function af_set(int) stable rows 25;
select proname, provolatile, proisstrict, proleakproof, procost, prorows, proparallel, proconfig
  from pg_proc where proname like 'af\_%' order by proname;
alter function af_add(int, int) reset work_mem;
select proconfig from pg_proc where proname = 'af_add';
alter function af_add(int, int) reset all;
select proconfig from pg_proc where proname = 'af_add';
alter function af_add(int, int) volatile not leakproof called on null input;
select provolatile, proisstrict, proleakproof from pg_proc where proname = 'af_add';
select af_add(1, 2), af_add(null, 2);
alter procedure af_proc(int) security definer;
alter routine af_proc(int) set search_path = public;
select prosecdef, proconfig from pg_proc where proname = 'af_proc';

-- RENAME TO keeps the function, under its new name
alter function af_add(int, int) rename to af_sum;
select af_sum(2, 3);
select af_add(2, 3);
alter procedure af_proc(int) rename to af_proc2;
call af_proc2(7);

-- errors
alter function af_sum(int, int) rows 10;
alter function af_sum(int, int) cost 0;
alter function af_sum(int, int) immutable volatile;
alter function af_nosuch(int) immutable;
alter function af_sum(text) immutable;
alter procedure af_sum(int, int) immutable;
alter function af_proc2(int) immutable;
alter procedure af_proc2(int) immutable;
create function af_sum2(a int, b int) returns int language sql as 'select a * b';
alter function af_sum2(int, int) rename to af_sum;
begin read only;
alter function af_sum(int, int) stable;
rollback;
select proname from pg_proc where proname like 'af\_%' order by proname;
