-- A name that is both a column and a PL/pgSQL variable is an error (variable_conflict = error,
-- PostgreSQL's default); qualifying it, or renaming the variable, settles it.
create table nc_items (id int primary key, qty int);
insert into nc_items values (1, 10), (2, 20);

create function nc_ambiguous(id int) returns int language plpgsql as $$
begin
  return (select qty from nc_items where id = id);
end $$;
select nc_ambiguous(1);

create function nc_qualified(id int) returns int language plpgsql as $$
begin
  return (select qty from nc_items i where i.id = nc_qualified.id);
end $$;
select nc_qualified(2);

create function nc_declared() returns int language plpgsql as $$
declare qty int := 5;
begin
  update nc_items set qty = qty + 1 where id = 1;
  return qty;
end $$;
select nc_declared();

create function nc_into() returns int language plpgsql as $$
declare total int;
begin
  select sum(qty) into total from nc_items;
  return total;
end $$;
select nc_into();

-- any column of the tables a statement reads counts, even one it was not meant to name
create function nc_unrelated(qty int) returns bigint language plpgsql as $$
begin
  return (select count(*) from nc_items where nc_items.id > qty);
end $$;
select nc_unrelated(1);

-- a record variable and a table alias of the same name
create function nc_record() returns int language plpgsql as $$
declare r record;
begin
  select 1 as id into r;
  return (select r.id from nc_items r where r.id = 2);
end $$;
select nc_record();
