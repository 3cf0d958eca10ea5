-- A tour of the language: each statement kind once, with results compared to PostgreSQL 15.
create or replace function add1(a int) returns int language plpgsql as $$
declare x int := 1;
begin
  x := x + a;
  if x > 5 then raise notice 'big %', x; end if;
  return x;
end $$;
select add1(2), add1(10);
do $$ declare i int; s int := 0; begin for i in 1..10 loop s := s + i; end loop; raise notice 'sum %', s; end $$;
create or replace function fib(n int) returns int language plpgsql as $$
begin if n < 2 then return n; end if; return fib(n-1) + fib(n-2); end $$;
select fib(15);
create table tour_pt(a int primary key, b text);
create or replace function fill(n int) returns int language plpgsql as $$
declare r record; total int := 0;
begin
  for i in 1..n loop insert into tour_pt values (i, 'v' || i); end loop;
  for r in select * from tour_pt order by a loop total := total + r.a; end loop;
  begin
    insert into tour_pt values (1, 'dup');
  exception when unique_violation then raise notice 'dup caught: % %', sqlstate, sqlerrm;
  end;
  return total;
end $$;
select fill(5);
select count(*) from tour_pt;
do $$ begin raise exception 'boom %', 42 using hint = 'try again'; end $$;
create function sr(n int) returns setof int language plpgsql as $$ begin for i in 1..n loop return next i*i; end loop; return query select 100; end $$;
select * from sr(4);
select count(*) from tour_pt;
create table tour_emp(id int primary key, name text, salary numeric(10,2));
insert into tour_emp values (1,'ann',100),(2,'bob',200),(3,'cy',300);
create function o1(a int, out b int, out c text) language plpgsql as $$ begin b := a * 2; c := 'x' || a; end $$;
select * from o1(3);
select o1(4);
create function io(inout a int, inout b text) language plpgsql as $$ begin a := a + 1; b := b || '!'; end $$;
select * from io(1, 'hi');
create function rt1(i int) returns tour_emp language plpgsql as $$
declare e tour_emp%rowtype; n tour_emp.name%type;
begin
  select * into e from tour_emp where id = i;
  n := e.name;
  e.salary := e.salary * 2;
  e.name := upper(n);
  return e;
end $$;
select * from rt1(2);
select (rt1(3)).name;
create function arr() returns int[] language plpgsql as $$
declare a int[] := '{1,2,3}'; s int := 0; x int;
begin
  a[5] := 9;
  foreach x in array a loop s := s + coalesce(x, 0); end loop;
  raise notice 'sum % len %', s, array_length(a, 1);
  return a;
end $$;
select arr();
create function cs(x int) returns text language plpgsql as $$
begin
  case x when 1, 2 then return 'low'; when 3 then return 'three'; else return 'other'; end case;
end $$;
select cs(1), cs(3), cs(9);
create function cs2(x int) returns text language plpgsql as $$
begin case when x > 0 then return 'pos'; end case; end $$;
select cs2(1);
select cs2(-1);
create function dyn(t text) returns bigint language plpgsql as $$
declare n bigint; c int;
begin
  execute format('select count(*) from %I where salary > $1', t) into n using 150;
  execute format('update %I set salary = salary + 1 where id > $1', t) using 1;
  get diagnostics c = row_count;
  raise notice 'updated %', c;
  return n;
end $$;
select dyn('tour_emp');
create function strict1() returns text language plpgsql as $$
declare n text; begin select name into strict n from tour_emp where id > 1; return n; end $$;
select strict1();
create function strict2() returns text language plpgsql as $$
declare n text; begin select name into strict n from tour_emp where id > 10; return n; end $$;
select strict2();
create function outer_f() returns int language plpgsql as $$ begin return inner_f(0); end $$;
create function inner_f(x int) returns int language plpgsql as $$ begin return 10 / x; end $$;
select outer_f();
create function tbl(n int) returns table(k int, sq int) language plpgsql as $$
begin for i in 1..n loop k := i; sq := i * i; return next; end loop; end $$;
select * from tbl(3);
create function rq() returns setof tour_emp language plpgsql as $$ begin return query execute 'select * from tour_emp where id <= $1 order by id' using 2; end $$;
select * from rq();
create function exc() returns text language plpgsql as $$
declare msg text; st text; d text;
begin
  insert into tour_emp values (10, 'tmp', 1);
  begin
    insert into tour_emp values (11, 'tmp2', 1);
    perform 1/0;
  exception when others then
    get stacked diagnostics msg = message_text, st = returned_sqlstate;
    return st || ' ' || msg || ' ' || (select count(*) from tour_emp where id >= 10);
  end;
end $$;
select exc();
select id from tour_emp where id >= 10;
create function noret() returns int language plpgsql as $$ begin perform 1; end $$;
select noret();
create function nd() returns void language plpgsql as $$ begin select 1; end $$;
select nd();
do $$ declare x int not null := 1; begin x := null; end $$;
do $$ begin assert 1 = 2, 'nope'; end $$;
do $$ begin raise division_by_zero; end $$;
do $$ begin raise sqlstate '22012' using message = 'custom'; end $$;
do $$ begin begin raise exception 'inner'; exception when others then raise; end; end $$;
