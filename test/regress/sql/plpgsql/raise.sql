-- PL/pgSQL RAISE below ERROR: levels, % placeholders, USING options, client_min_messages.
create table rs_items (id int, name text);
insert into rs_items values (1, 'apple'), (2, null);

-- every level at the default client_min_messages (notice): DEBUG and LOG are not sent
do $$
begin
  raise debug 'debug %', 1;
  raise log 'log %', 2;
  raise info 'info %', 3;
  raise notice 'notice %', 4;
  raise warning 'warning %', 5;
  raise 'no level means exception %', 6;
end $$;

-- placeholders: %% is a literal percent, NULL prints as <NULL>, any type is shown as text
create function rs_fmt(p text) returns void language plpgsql as $$
declare r rs_items; a int[] := '{1,2}';
begin
  raise notice '100%% of % is [%]', p, null;
  raise notice 'no placeholders, 50%%';
  select * into r from rs_items where id = 2;
  raise notice 'row % array % bool % num %', r, a, true, 1.50::numeric(4,2);
  raise notice 'expr % and %', length(p) * 2, upper(p) || '!';
end $$;
select rs_fmt('abc');
select rs_fmt(null);

-- placeholder count must match the parameter count, checked at CREATE time
create function rs_too_few() returns void language plpgsql as $$
begin raise notice 'a % b %', 1; end $$;
create function rs_too_many() returns void language plpgsql as $$
begin raise notice 'a %', 1, 2; end $$;
create function rs_escaped_ok() returns void language plpgsql as $$
begin raise notice 'a %% %', 1; end $$;
select rs_escaped_ok();

-- USING: MESSAGE instead of a format string, DETAIL and HINT on notices and warnings
do $$
declare n int := 3;
begin
  raise notice using message = 'built message ' || n;
  raise notice 'with detail' using detail = 'the detail ' || n;
  raise notice 'with both' using detail = 'd', hint = 'h';
  raise warning 'careful: %', n using hint = 'check the input';
  raise info using message = 'info message', detail = 'info detail';
end $$;

-- the same option twice is a run-time error, and so is a NULL option value
do $$ begin raise notice 'msg' using message = 'again'; end $$;
do $$ begin raise notice using message = 'one', message = 'two'; end $$;
do $$ begin raise notice using message = null; end $$;

-- a notice does not stop execution: later statements still run
create function rs_progress(n int) returns int language plpgsql as $$
declare total int := 0;
begin
  for i in 1..n loop
    total := total + i;
    raise notice 'step % total %', i, total;
  end loop;
  return total;
end $$;
select rs_progress(3);

-- client_min_messages decides what reaches the client
set client_min_messages = warning;
select rs_progress(2);
do $$ begin raise info 'info is always sent'; raise warning 'warning shown'; end $$;
set client_min_messages = error;
do $$ begin raise warning 'warning hidden'; raise notice 'notice hidden'; end $$;
set client_min_messages = debug1;
do $$ begin raise debug 'debug shown now'; raise log 'log shown now'; end $$;
set client_min_messages = log;
do $$ begin raise debug 'debug hidden again'; raise log 'log still shown'; end $$;
reset client_min_messages;
do $$ begin raise notice 'back to notices'; raise log 'log hidden'; end $$;
