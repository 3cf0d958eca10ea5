-- An error while a block's variables take their defaults names that phase of the block.
do $$ declare i int := 'x'; begin end $$;
do $$ declare i int := 1/0; begin end $$;
create function bi_nested(n int) returns int language plpgsql as $$
declare
  a int := n;
begin
  declare
    b int := 10 / (a - 1);
  begin
    return b;
  end;
end $$;
select bi_nested(3);
select bi_nested(1);
create function bi_notnull(n int) returns int language plpgsql as $$
declare
  x int not null := nullif(n, 0);
begin
  return x;
end $$;
select bi_notnull(2);
select bi_notnull(0);
-- a handler of the same block does not catch it; an outer one does
create function bi_caught() returns text language plpgsql as $$
begin
  begin
    declare
      d date := 'not a date';
    begin
      return 'unreached';
    exception when others then
      return 'inner handler';
    end;
  exception when invalid_datetime_format then
    return 'outer handler: ' || sqlerrm;
  end;
end $$;
select bi_caught();
-- the line is the failing variable's
do $$
declare
  a int := 1;

  b int := 1/0;
begin
  null;
end $$;
do $$
<<lbl>>
declare
  a int := 1/0;
begin
end $$;
