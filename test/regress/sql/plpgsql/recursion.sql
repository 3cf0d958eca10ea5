-- Recursive PL/pgSQL functions: each call runs with its own variables and plans, also when
-- the recursive call sits in the expression being evaluated.
create function rec_fact(n int) returns numeric language plpgsql as $$
begin
  if n <= 1 then return 1; end if;
  return n * rec_fact(n - 1);
end $$;
select rec_fact(1), rec_fact(10), rec_fact(25);

create function rec_fib(n int) returns int language plpgsql as $$
declare a int; b int;
begin
  if n < 2 then return n; end if;
  a := rec_fib(n - 1);
  b := rec_fib(n - 2);
  return a + b;
end $$;
select rec_fib(15);

-- mutual recursion through a query, and a loop around the recursive call
create function rec_even(n int) returns boolean language plpgsql as $$
begin
  if n = 0 then return true; end if;
  return (select rec_odd(n - 1));
end $$;
create function rec_odd(n int) returns boolean language plpgsql as $$
begin
  if n = 0 then return false; end if;
  return rec_even(n - 1);
end $$;
select rec_even(10), rec_odd(7), rec_even(7);

create function rec_tree(depth int) returns text language plpgsql as $$
declare out text := '';
begin
  if depth = 0 then return '.'; end if;
  for i in 1..2 loop
    out := out || '(' || rec_tree(depth - 1) || ')';
  end loop;
  return out;
end $$;
select rec_tree(3);

-- without end: PostgreSQL's stack depth error, and the session goes on
create function rec_forever(n int) returns int language plpgsql as $$
begin return rec_forever(n + 1); end $$;
\set VERBOSITY sqlstate
select rec_forever(1);
\set VERBOSITY default
select rec_fact(5);
