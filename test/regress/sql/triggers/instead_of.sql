-- INSTEAD OF row triggers on views: writes through a join view routed into base tables,
-- RETURNING, skipped rows, TG_* values, statement triggers around them, and the errors.
create table io_dept (id int primary key, name text not null);
create table io_emp (id int primary key, name text not null, dept_id int references io_dept, salary int);
insert into io_dept values (1, 'eng'), (2, 'ops');
insert into io_emp values (10, 'ann', 1, 100), (11, 'bob', 2, 90), (12, 'cid', 1, 80);
create view io_staff as
  select e.id, e.name, d.name as dept, e.salary from io_emp e join io_dept d on d.id = e.dept_id;

-- a join view is not automatically updatable
insert into io_staff values (13, 'dan', 'ops', 70);
update io_staff set salary = 1;
delete from io_staff;

-- one plpgsql function handles all three operations and reports the TG_* variables
create function io_staff_write() returns trigger language plpgsql as $$
declare d int;
begin
  raise notice '% % % on % (%)', tg_when, tg_op, tg_level, tg_table_name, tg_name;
  if tg_op = 'DELETE' then
    delete from io_emp where id = OLD.id;
    return OLD;
  end if;
  select id into d from io_dept where name = NEW.dept;
  if d is null then
    raise notice 'unknown dept %, row skipped', NEW.dept;
    return null;
  end if;
  if tg_op = 'INSERT' then
    insert into io_emp values (NEW.id, NEW.name, d, coalesce(NEW.salary, 50));
    NEW.salary := coalesce(NEW.salary, 50);
  else
    raise notice 'old % new %', OLD, NEW;
    update io_emp set id = NEW.id, name = NEW.name, dept_id = d, salary = NEW.salary where id = OLD.id;
  end if;
  NEW.name := upper(NEW.name);
  return NEW;
end $$;
create trigger io_staff_iud instead of insert or update or delete on io_staff
  for each row execute function io_staff_write();

-- INSERT with RETURNING sees the row the trigger returned (modified)
insert into io_staff values (13, 'dan', 'ops', null) returning *;
-- a NULL return skips the row: the row count covers only the others
do $$
declare n int;
begin
  insert into io_staff values (14, 'eve', 'hr', 60), (15, 'fay', 'eng', 65);
  get diagnostics n = row_count;
  raise notice 'rows inserted: %', n;
end $$;
select * from io_emp order by id;

-- UPDATE: OLD and NEW, moving an employee to another department
update io_staff set dept = 'ops', salary = salary + 5 where id = 12 returning id, name, dept, salary;
update io_staff set dept = 'nowhere' where id = 10;
update io_staff set salary = 0 where id = 999;
-- UPDATE ... FROM: the view's rows joined with other tables, RETURNING from both
update io_staff s set salary = s.salary + 1 from io_dept d
  where d.name = s.dept and s.id = 12 returning d.id, s.id, s.salary;
select * from io_staff order by id;

-- DELETE returns OLD, so RETURNING shows the deleted row
with d as (delete from io_staff where dept = 'ops' returning id, name)
select * from d order by id;
select * from io_emp order by id;

-- statement-level BEFORE and AFTER triggers on the view fire around the row trigger
create function io_stmt() returns trigger language plpgsql as $$
begin
  raise notice 'statement % % on %', tg_when, tg_op, tg_table_name;
  return null;
end $$;
create trigger io_staff_before before insert or update or delete on io_staff
  for each statement execute function io_stmt();
create trigger io_staff_after after insert or update or delete on io_staff
  for each statement execute function io_stmt();
insert into io_staff values (16, 'gus', 'eng', 10);
update io_staff set salary = salary * 2 where id = 16;
delete from io_staff where id = 999;

-- a trigger function returning NULL for every row: nothing is inserted or returned
create function io_null() returns trigger language plpgsql as $$ begin return null; end $$;
create view io_names as select id, name from io_emp;
create trigger io_names_ins instead of insert on io_names for each row execute function io_null();
with i as (insert into io_names values (20, 'x'), (21, 'y') returning id)
select count(*) as returned from i;
select count(*) from io_emp where id >= 20;

-- errors: INSTEAD OF only on views, only FOR EACH ROW, no WHEN, no column list
create trigger io_bad1 instead of insert on io_emp for each row execute function io_null();
create trigger io_bad2 instead of insert on io_staff for each statement execute function io_null();
create trigger io_bad3 instead of update on io_staff for each row when (old.id > 0) execute function io_null();
create trigger io_bad4 instead of update of salary on io_staff for each row execute function io_null();
-- errors: BEFORE / AFTER row triggers on a view
create trigger io_bad5 before insert on io_staff for each row execute function io_null();
create trigger io_bad6 after update on io_staff for each row execute function io_null();
-- a simple view with only an INSTEAD OF INSERT trigger is still auto-updatable for UPDATE
update io_names set name = 'zed' where id = 16;
-- without its INSTEAD OF trigger the join view refuses the write again
drop trigger io_staff_iud on io_staff;
delete from io_staff;
select name, salary from io_emp order by id;

-- the catalogs show a view's triggers; CREATE OR REPLACE VIEW keeps them
create trigger io_names_upd instead of update on io_names for each row execute function io_null();
select tgname, tgtype, tgenabled from pg_trigger where tgrelid = 'io_names'::regclass order by tgname;
select pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'io_names'::regclass order by tgname;
select relhastriggers from pg_class where relname = 'io_names';
select trigger_name, event_manipulation, action_timing, action_orientation
  from information_schema.triggers where event_object_table = 'io_names' order by 1, 2;
create or replace view io_names as select id, name, salary from io_emp;
select count(*) from pg_trigger where tgrelid = 'io_names'::regclass;
-- a trigger function in use by a view's trigger: DROP FUNCTION needs CASCADE
drop function io_null();
drop function io_null() cascade;
select count(*) from pg_trigger where tgrelid = 'io_names'::regclass;
-- ON CONFLICT with a target finds no constraint on the view; without one it is ignored
create trigger io_names_ins instead of insert on io_names for each row execute function io_stmt();
insert into io_names values (30, 'q', 1) on conflict (id) do nothing;
insert into io_names values (31, 'r', 1) on conflict do nothing;
-- a view's trigger goes with the view
drop view io_names;
select count(*) from pg_trigger where tgname like 'io_names%';
