-- Assigning to one element of an array variable: the array grows to reach the subscript,
-- NULLs fill the gap, and the limits are PostgreSQL's.
do $$
declare a int[] := '{1,2}';
begin
  a[5] := 9;
  a[-1] := 0;
  raise notice '% %', a, array_dims(a);
end $$;

do $$
declare a text[];
begin
  a[3] := 'x';
  raise notice '% %', a, array_dims(a);
  a[3] := null;
  raise notice '%', a;
end $$;

do $$
declare a int[] := '{}';
begin
  a[0] := '7';
  raise notice '% %', a, array_dims(a);
end $$;

-- growing past int4's range or MaxArraySize
\set VERBOSITY sqlstate
do $$
declare a int[];
begin
  a := '[-2147483648:-2147483647]={1,2}'::int[];
  a[2147483647] := 42;
end $$;
do $$
declare a int[] := '{1}';
begin
  a[200000000] := 1;
end $$;
do $$
declare a int[] := '{1}';
begin
  a[3000000000] := 1;
end $$;
\set VERBOSITY default

-- one subscript for a two-dimensional array
do $$
declare a int[] := '{{1,2},{3,4}}';
begin
  a[1] := 5;
end $$;
