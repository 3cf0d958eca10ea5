-- PL/pgSQL returns: scalars, SETOF with RETURN NEXT / QUERY, RETURNS TABLE, void, row types.
create table ret_emp (id int primary key, name text, dept text);
insert into ret_emp values (1, 'ann', 'ops'), (2, 'bob', 'dev'), (3, 'cy', 'dev'), (4, 'di', 'ops');

-- scalar RETURN, with the value cast to the declared result type
create function ret_half(x int) returns numeric language plpgsql as $$
begin return x / 2.0; end $$;
create function ret_text(x int) returns text language plpgsql as $$
begin return x * 10; end $$;
select ret_half(7), ret_text(4), pg_typeof(ret_text(4));

-- SETOF scalar: RETURN NEXT and RETURN QUERY accumulate, a bare RETURN ends the set
create function ret_squares(n int) returns setof int language plpgsql as $$
begin
  for i in 1..n loop return next i * i; end loop;
  return query select g * 100 from generate_series(1, 2) g;
  return;
  return next -1;
end $$;
select * from ret_squares(3);
select ret_squares(2);

-- SETOF a table's row type: RETURN NEXT of a row variable and RETURN QUERY
create function ret_by_dept(d text) returns setof ret_emp language plpgsql as $$
declare e ret_emp;
begin
  for e in select * from ret_emp where dept = d order by id loop
    e.name := upper(e.name);
    return next e;
  end loop;
  return query select * from ret_emp where dept <> d order by id;
end $$;
select * from ret_by_dept('dev');

-- RETURNS TABLE: the columns are OUT variables, RETURN NEXT emits their current values
create function ret_table(n int) returns table(k int, label text) language plpgsql as $$
begin
  for i in 1..n loop
    k := i;
    label := repeat('*', i);
    return next;
  end loop;
end $$;
select * from ret_table(3);
select label from ret_table(4) where k % 2 = 0 order by k desc;

-- RETURN QUERY EXECUTE with USING
create function ret_dyn(col text, minid int) returns setof text language plpgsql as $$
begin
  return query execute format('select %I from ret_emp where id >= $1 order by id', col) using minid;
end $$;
select * from ret_dyn('name', 3);
select * from ret_dyn('dept', 2);

-- void functions: called with SELECT, and with PERFORM from PL/pgSQL
create function ret_log(msg text) returns void language plpgsql as $$
begin raise notice 'log: %', msg; end $$;
select ret_log('via select');
do $$ begin perform ret_log('via perform'); end $$;

-- a function returning a row type, used as a value and expanded
create function ret_one(p int) returns ret_emp language plpgsql as $$
declare e ret_emp;
begin
  select * into e from ret_emp where id = p;
  return e;
end $$;
select ret_one(2);
select * from ret_one(3);
select (ret_one(4)).name;
select * from ret_one(99);

-- falling off the end of a non-void function is an error (2F005)
create function ret_missing(x int) returns int language plpgsql as $$
begin if x > 0 then return x; end if; end $$;
select ret_missing(1);
select ret_missing(-1);

-- RETURN with a value is rejected at CREATE time in SETOF, void and OUT-parameter functions
create function ret_bad_setof() returns setof int language plpgsql as $$ begin return 1; end $$;
create function ret_bad_void() returns void language plpgsql as $$ begin return 1; end $$;
create function ret_bad_out(out a int) language plpgsql as $$ begin return 1; end $$;

-- set-returning functions in FROM: joined, and with ordinality
select e.name, s.k from ret_emp e join ret_table(3) s on s.k = e.id order by e.id;
select * from ret_squares(2) with ordinality as t(v, n);
