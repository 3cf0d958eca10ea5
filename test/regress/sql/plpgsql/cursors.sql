-- PL/pgSQL cursors: bound and unbound cursors, arguments, OPEN FOR query / EXECUTE, FETCH and
-- MOVE in every direction with FOUND, FOR over a cursor, refcursors returned to SQL, errors.
create table pc_items (id int primary key, name text, grp int);
insert into pc_items select g, 'item' || g, g % 3 from generate_series(1, 8) g;

-- a bound cursor: OPEN, FETCH until FOUND is false, CLOSE
do $$
declare
  c cursor for select id, name from pc_items where id <= 3 order by id;
  r record;
begin
  open c;
  loop
    fetch c into r;
    exit when not found;
    raise notice 'got % %', r.id, r.name;
  end loop;
  raise notice 'found after last fetch: %', found;
  close c;
end $$;

-- a cursor with arguments, scrolled in every direction; MOVE sets FOUND too
do $$
declare
  c scroll cursor (lo int, hi int) for select id from pc_items where id between lo and hi order by id;
  v int;
begin
  open c(2, 7);
  fetch last from c into v;      raise notice 'last %', v;
  fetch prior from c into v;     raise notice 'prior %', v;
  fetch first from c into v;     raise notice 'first %', v;
  fetch absolute 3 from c into v; raise notice 'absolute 3 %', v;
  fetch relative -2 from c into v; raise notice 'relative -2 %', v;
  fetch next from c into v;      raise notice 'next %', v;
  move forward 2 in c;           raise notice 'move forward 2: found %', found;
  fetch c into v;                raise notice 'then %', v;
  move absolute 10 in c;         raise notice 'move absolute 10: found %', found;
  fetch backward from c into v;  raise notice 'backward % found %', v, found;
  fetch absolute 100 from c into v; raise notice 'absolute 100: % found %', v, found;
  close c;
end $$;

-- refcursor variables: OPEN FOR query and OPEN FOR EXECUTE ... USING
do $$
declare
  rc refcursor;
  n text;
begin
  open rc for select name from pc_items where grp = 0 order by id;
  fetch rc into n; raise notice 'grp 0 first: %', n;
  close rc;
  open rc for execute 'select name from pc_items where grp = $1 and id > $2 order by id desc' using 1, 2;
  fetch rc into n; raise notice 'dynamic first: %', n;
  fetch rc into n; raise notice 'dynamic second: %', n;
  close rc;
end $$;

-- FOR over a bound cursor opens and closes it itself
do $$
declare
  c cursor (g int) for select id, name from pc_items where grp = g order by id;
begin
  for r in c(2) loop
    raise notice 'grp 2: % %', r.id, r.name;
  end loop;
  for r in c(g := 1) loop
    raise notice 'grp 1: %', r.id;
  end loop;
end $$;

-- a function returns a refcursor; the caller fetches from it in the same transaction
create function pc_open(g int) returns refcursor language plpgsql as $$
declare rc refcursor := 'pc_portal';
begin
  open rc for select id, name from pc_items where grp = g order by id;
  return rc;
end $$;
begin;
select pc_open(1);
fetch all in pc_portal;
fetch all in pc_portal;
commit;
-- an unnamed refcursor gets a generated portal name
create function pc_open_anon() returns refcursor language plpgsql as $$
declare rc refcursor;
begin
  open rc for select 1;
  return rc;
end $$;
begin;
select pc_open_anon()::text like '<unnamed portal %>' as generated;
select pc_open(0);
close pc_portal;
commit;
-- the portal is gone after the transaction ends
begin;
select pc_open(2);
commit;
fetch all in pc_portal;

-- errors: OPEN of an open cursor, FETCH from a closed one
do $$
declare c cursor for select 1;
begin
  open c;
  open c;
end $$;
do $$
declare c cursor for select 1; v int;
begin
  open c;
  close c;
  fetch c into v;
end $$;
-- errors: wrong number of cursor arguments is caught when the function is created
create function pc_bad() returns void language plpgsql as $$
declare c cursor (a int, b int) for select a + b;
begin
  open c(1);
end $$;
-- errors: a NO SCROLL cursor cannot go backward
do $$
declare c no scroll cursor for select id from pc_items order by id; v int;
begin
  open c;
  fetch c into v;
  fetch prior from c into v;
end $$;
-- errors: too many arguments; FETCH from a refcursor variable that was never opened
create function pc_bad2() returns void language plpgsql as $$
declare c cursor (a int) for select a;
begin
  open c(1, 2);
end $$;
do $$
declare rc refcursor; v int;
begin
  fetch rc into v;
end $$;
