-- PL/pgSQL control flow: IF, CASE, the loop kinds, labels, EXIT / CONTINUE and early RETURN.
create table cf_items (id int primary key, name text, qty int);
insert into cf_items values (1, 'apple', 5), (2, 'pear', 0), (3, 'plum', 12), (4, 'fig', null);

-- IF / ELSIF / ELSE, with a NULL condition taking the ELSE branch
create function cf_sign(x int) returns text language plpgsql as $$
begin
  if x > 0 then return 'positive';
  elsif x < 0 then return 'negative';
  elsif x = 0 then return 'zero';
  else return 'null';
  end if;
end $$;
select cf_sign(5), cf_sign(-2), cf_sign(0), cf_sign(null);

-- simple and searched CASE; no matching branch and no ELSE raises case_not_found (20000)
create function cf_case(x int) returns text language plpgsql as $$
declare r text;
begin
  case x
    when 1, 2 then r := 'one or two';
    when 3 then r := 'three';
    else r := 'other';
  end case;
  case when x % 2 = 0 then r := r || '/even'; when x % 2 = 1 then r := r || '/odd'; end case;
  return r;
end $$;
select cf_case(1), cf_case(3), cf_case(8);
select cf_case(null);
do $$ begin case 1 when 2 then null; end case;
exception when case_not_found then raise notice 'caught % %', sqlstate, sqlerrm; end $$;

-- LOOP with EXIT WHEN and CONTINUE WHEN, and WHILE
create function cf_loops(n int) returns text language plpgsql as $$
declare i int := 0; s text := ''; w int := n;
begin
  loop
    i := i + 1;
    exit when i > n;
    continue when i % 2 = 0;
    s := s || i || ' ';
  end loop;
  while w > 0 loop
    s := s || '.';
    w := w - 3;
  end loop;
  return s;
end $$;
select cf_loops(7), cf_loops(0);

-- integer FOR: BY step, REVERSE, an empty range, and the loop variable being local to the loop
do $$
declare s text := ''; i int := 100;
begin
  for i in 1..10 by 3 loop s := s || i || ','; end loop;
  s := s || ' | ';
  for i in reverse 10..1 by 4 loop s := s || i || ','; end loop;
  for i in 5..1 loop s := s || 'never'; end loop;
  raise notice '% i=%', s, i;
end $$;

-- FOR over a query: into a record, and into several scalar targets
create function cf_report() returns int language plpgsql as $$
declare r record; nm text; q int; total int := 0;
begin
  for r in select * from cf_items order by id loop
    raise notice 'row % % %', r.id, r.name, r.qty;
  end loop;
  for nm, q in select name, coalesce(qty, 0) from cf_items where id > 1 order by name loop
    raise notice '% has %', nm, q;
    total := total + q;
  end loop;
  return total;
end $$;
select cf_report();

-- FOREACH over an array's elements, and over its rows with SLICE 1
do $$
declare x int; row int[]; s int := 0;
begin
  foreach x in array array[[1,2,3],[4,5,6]] loop s := s + x; end loop;
  raise notice 'sum %', s;
  foreach row slice 1 in array array[[1,2,3],[4,5,6]] loop raise notice 'slice %', row; end loop;
end $$;

-- labelled nested loops: EXIT and CONTINUE naming the outer loop
do $$
declare pairs text := '';
begin
  <<outer_loop>>
  for i in 1..4 loop
    for j in 1..4 loop
      continue outer_loop when j > i;
      exit outer_loop when i * j >= 9;
      pairs := pairs || i || j || ' ';
    end loop;
  end loop outer_loop;
  raise notice 'pairs: %', pairs;
end $$;

-- RETURN from inside a loop ends the function
create function cf_first_empty() returns text language plpgsql as $$
declare r record;
begin
  for r in select * from cf_items order by id loop
    if r.qty = 0 then return r.name; end if;
  end loop;
  return 'none';
end $$;
select cf_first_empty();
