-- PL/pgSQL variables: declarations, defaults, assignment, parameters, scoping, rows and records.
create table var_emp (id int primary key, name text, salary numeric(10,2));
insert into var_emp values (1, 'ann', 100.50), (2, 'bob', 200), (3, 'cy', 300.25);

-- typed declarations, the three default spellings, and uninitialised variables being NULL
create function var_types() returns text language plpgsql as $$
declare
  i int := 7;
  t text = 'hello';
  n numeric(10,2) default 3.14159;
  b boolean;
  a int[] := array[1, 2, 3];
  d date := '2024-02-29';
  k constant int := 42;
  nn int not null := 0;
begin
  raise notice 'i=% t=% n=% b=% a=% d=% k=% nn=%', i, t, n, b, a, d, k, nn;
  i := i * 2;
  t = t || ' world';
  b := i > 10;
  d := d + 1;
  return format('%s|%s|%s|%s', i, t, b, d);
end $$;
select var_types();

-- parameters by name and by $n, OUT and INOUT
create function var_params(x int, y text) returns text language plpgsql as $$
begin return x || ':' || y || ':' || $1 * 10 || ':' || upper($2); end $$;
select var_params(4, 'abc');
create function var_out(a int, b int, out total int, out label text) language plpgsql as $$
begin total := a + b; label := 'sum of ' || a || ' and ' || b; end $$;
select * from var_out(2, 3);
create function var_inout(inout counter int, step int default 1) language plpgsql as $$
begin counter := counter + step; end $$;
select var_inout(10), var_inout(10, 5);

-- nested blocks: an inner declaration shadows, the outer one stays reachable through its label
create function var_scopes() returns int language plpgsql as $$
<<blk>>
declare x int := 1;
begin
  declare x int := 10;
  begin
    x := x + 1;
    blk.x := blk.x + 100;
    raise notice 'inner x=% blk.x=%', x, blk.x;
  end;
  raise notice 'after block x=%', x;
  return x;
end $$;
select var_scopes();
-- OUTER is a reserved word: as a label, outer.x resolves only as a bare RETURN operand;
-- inside any SQL expression it is a syntax error
create function var_outer_ret() returns int language plpgsql as $$
<<outer>> declare x int := 1;
begin declare x int := 10; begin return outer.x; end; end $$;
select var_outer_ret();
create function var_outer_expr() returns int language plpgsql as $$
<<outer>> declare x int := 1;
begin declare x int := 10; begin return outer.x + 1; end; end $$;
-- array element assignment grows the array, filling gaps with NULL
create function var_arrays() returns int[] language plpgsql as $$
declare arr int[] := '{1,2,3}';
begin
  arr[2] := 5;
  arr[5] := 9;
  raise notice 'len=% third=% fourth=%', array_length(arr, 1), arr[3], arr[4];
  return arr;
end $$;
select var_arrays();

-- %ROWTYPE, %TYPE and record: SELECT INTO, field reads and field assignment, FOUND
create function var_rows(p_id int) returns text language plpgsql as $$
declare
  e var_emp%rowtype;
  nm var_emp.name%type;
  r record;
begin
  select * into e from var_emp where id = p_id;
  raise notice 'found=% e=%', found, e;
  if not found then return 'none'; end if;
  nm := e.name;
  e.salary := e.salary * 2;
  e.id := 1;
  select id, name || '!' as a into r from var_emp where id = p_id;
  raise notice 'r.id=% r.a=% nm=%', r.id, r.a, nm;
  return e::text;
end $$;
select var_rows(2);
select var_rows(99);

-- a record variable has no fields until it is assigned
create function var_unassigned() returns int language plpgsql as $$
declare r record; begin return r.a; end $$;
select var_unassigned();

-- NOT NULL is checked on assignment, and a NOT NULL variable needs a default
create function var_notnull() returns int language plpgsql as $$
declare x int not null := 1;
begin x := x + 1; x := null; return x; end $$;
select var_notnull();
create function var_notnull_nodefault() returns int language plpgsql as $$
declare x int not null; begin return 1; end $$;

-- assigning to a CONSTANT is rejected when the function is created
create function var_const() returns int language plpgsql as $$
declare k constant int := 5;
begin k := 6; return k; end $$;
select var_const();

-- a value of the wrong type is cast on assignment, or fails
create function var_cast() returns text language plpgsql as $$
declare i int; n numeric(4,1);
begin i := '12'; n := 2.36; raise notice 'i=% n=%', i, n; i := 'x'; return 'unreached'; end $$;
select var_cast();
-- a declared type that does not exist fails CREATE FUNCTION, pointing at it
create function pv_badtype() returns int language plpgsql as $$
declare
  x nosuch_type;
begin
  return 1;
end $$;
create function pv_badargtype() returns int language plpgsql as $$
declare
  c cursor (a no_such_either) for select a;
begin
  return 1;
end $$;
