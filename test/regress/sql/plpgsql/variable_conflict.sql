-- #variable_conflict: when a name in a function's SQL is both a column and a variable, an error
-- (the default, and `error`), the variable (`use_variable`) or the column (`use_column`); the
-- other compiler options (#option dump, #print_strict_params off) and a bad option.
create table vc (id int, val text);
insert into vc values (1, 'a'), (2, 'b');
create function vc_col(id int) returns text language plpgsql as $$
#variable_conflict use_column
declare r text;
begin
  select val into r from vc where vc.id = id order by val desc limit 1;
  return r;
end $$;
select vc_col(1);
create function vc_var(id int) returns text language plpgsql as $$
#variable_conflict use_variable
declare r text;
begin
  select val into r from vc where vc.id = id;
  return r;
end $$;
select vc_var(2);
create function vc_default(id int) returns text language plpgsql as $$
declare r text;
begin
  select val into r from vc where vc.id = id;
  return r;
end $$;
select vc_default(2);
create function vc_error(id int) returns text language plpgsql as $$
#variable_conflict error
declare r text;
begin
  select val into r from vc where id = 1;
  return r;
end $$;
select vc_error(2);
-- INSERT, UPDATE and DELETE inside the function follow the same choice
create function vc_write(val text) returns bigint language plpgsql as $$
#variable_conflict use_variable
declare n bigint;
begin
  insert into vc (id, val) values (3, val);
  update vc set val = val || '!' where id = 3;
  delete from vc where vc.val = val;
  select count(*) into n from vc;
  return n;
end $$;
select vc_write('c');
select * from vc order by id;
create function vc_options() returns int language plpgsql as $$
#option dump
#print_strict_params off
#variable_conflict use_column
begin return 1; end $$;
select vc_options();
create function vc_bad(id int) returns text language plpgsql as $$
#variable_conflict bogus
begin return 1; end $$;
drop function vc_col, vc_var, vc_default, vc_error, vc_write, vc_options;
drop table vc;
