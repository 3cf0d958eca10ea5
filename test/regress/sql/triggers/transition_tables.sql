-- Transition tables: AFTER triggers with REFERENCING NEW TABLE / OLD TABLE for INSERT,
-- UPDATE and DELETE, statement- and row-level, empty tables, and the CREATE TRIGGER errors.
create table tt_acct (id int primary key, owner text, bal int);
create table tt_audit (op text, rows_seen int, total int, detail text);

-- statement-level INSERT trigger reads the new rows
create function tt_ins() returns trigger language plpgsql as $$
begin
  insert into tt_audit
    select tg_op, count(*), sum(bal), string_agg(id || ':' || owner, ',' order by id) from n;
  raise notice '% %: % new rows', tg_level, tg_op, (select count(*) from n);
  return null;
end $$;
create trigger tt_ins_s after insert on tt_acct referencing new table as n
  for each statement execute function tt_ins();
insert into tt_acct values (3, 'cy', 30), (1, 'al', 10), (2, 'bo', 20);
insert into tt_acct select g, 'u' || g, g * 100 from generate_series(4, 6) g;
select * from tt_audit order by op, detail;

-- UPDATE trigger sees both OLD TABLE and NEW TABLE, joined on the key
create function tt_upd() returns trigger language plpgsql as $$
declare r record;
begin
  raise notice 'update: % old rows, % new rows, old sum %, new sum %',
    (select count(*) from o), (select count(*) from n),
    (select coalesce(sum(bal), 0) from o), (select coalesce(sum(bal), 0) from n);
  for r in select o.id, o.bal as before, n.bal as after from o join n using (id) order by o.id loop
    raise notice '  id %: % -> %', r.id, r.before, r.after;
  end loop;
  return null;
end $$;
create trigger tt_upd_s after update on tt_acct referencing old table as o new table as n
  for each statement execute function tt_upd();
update tt_acct set bal = bal + 1 where id <= 3;
-- an UPDATE that touches no row still fires the statement trigger, with empty tables
update tt_acct set bal = 0 where id > 100;

-- DELETE trigger sees the OLD TABLE
create function tt_del() returns trigger language plpgsql as $$
begin
  raise notice 'deleted: %', (select string_agg(owner, ',' order by owner) from gone);
  return null;
end $$;
create trigger tt_del_s after delete on tt_acct referencing old table as gone
  for each statement execute function tt_del();
delete from tt_acct where bal >= 400;
delete from tt_acct where id = 999;

-- a row-level AFTER trigger sees the whole statement's transition table for every row
create table tt_row (id int, v int);
create function tt_row_fn() returns trigger language plpgsql as $$
begin
  raise notice 'row %: table holds % rows, sum %', NEW.id, (select count(*) from nt), (select sum(v) from nt);
  return null;
end $$;
create trigger tt_row_t after insert on tt_row referencing new table as nt
  for each row execute function tt_row_fn();
insert into tt_row values (1, 10), (2, 20), (3, 30);

-- transition tables are visible to dynamic SQL (EXECUTE) in the trigger function too
create function tt_dyn() returns trigger language plpgsql as $$
declare c int; m int;
begin
  execute 'select count(*), max(id) from ' || quote_ident(tg_argv[0]) into c, m;
  raise notice '% via EXECUTE: % rows, max id %', tg_op, c, m;
  return null;
end $$;
create table tt_multi_t (id int);
create trigger tt_dyn_ins after insert on tt_multi_t referencing new table as fresh
  for each statement execute function tt_dyn('fresh');
create trigger tt_dyn_upd after update on tt_multi_t referencing old table as prior
  for each statement execute function tt_dyn('prior');
insert into tt_multi_t values (1), (2);
update tt_multi_t set id = id + 10;
-- one trigger with transition tables for several events is refused
create trigger tt_multi_s after insert or update on tt_multi_t
  referencing new table as n for each statement execute function tt_ins();

-- a transition table is only visible inside the trigger
select * from n;
-- ... and only when the trigger declares it
create table tt_plain (id int, owner text, bal int);
create trigger tt_plain_s after insert on tt_plain for each statement execute function tt_ins();
insert into tt_plain values (1, 'x', 1);
select count(*) from tt_plain;

-- errors: tables that do not match the events
create trigger tt_bad1 after insert on tt_acct referencing old table as o
  for each statement execute function tt_ins();
create trigger tt_bad2 after delete on tt_acct referencing new table as n
  for each statement execute function tt_del();
-- errors: BEFORE triggers, column lists, duplicate names
create trigger tt_bad3 before insert on tt_acct referencing new table as n
  for each statement execute function tt_ins();
create trigger tt_bad4 after update of bal on tt_acct referencing new table as n
  for each statement execute function tt_upd();
create trigger tt_bad5 after update on tt_acct referencing old table as x new table as x
  for each statement execute function tt_upd();
create trigger tt_bad6 after update on tt_acct referencing new table as a new table as b
  for each statement execute function tt_upd();
-- errors: on a view
create view tt_view as select * from tt_acct;
create trigger tt_bad7 after insert on tt_view referencing new table as n
  for each statement execute function tt_ins();
select * from tt_acct order by id;

-- the catalogs name the transition tables
select tgname, tgoldtable, tgnewtable from pg_trigger where tgrelid = 'tt_acct'::regclass order by tgname;
select pg_get_triggerdef(oid) from pg_trigger where tgname = 'tt_upd_s';
select action_reference_old_table, action_reference_new_table
  from information_schema.triggers where trigger_name = 'tt_upd_s';
