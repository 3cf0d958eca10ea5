-- BEFORE and AFTER TRUNCATE triggers (FOR EACH STATEMENT only), with TRUNCATE ... CASCADE.
create table tt_parent (id int primary key);
create table tt_child (id int primary key, parent int references tt_parent);
create table tt_log (what text, rows_seen bigint);
insert into tt_parent values (1), (2);
insert into tt_child values (10, 1), (20, 2);
create function tt_note() returns trigger language plpgsql as $$
declare n bigint;
begin
  execute format('select count(*) from %I', tg_table_name) into n;
  insert into tt_log values (tg_when || ' ' || tg_op || ' ' || tg_level || ' ' || tg_table_name, n);
  return null;
end $$;
create trigger tt_before before truncate on tt_parent for each statement execute function tt_note();
create trigger tt_after after truncate on tt_parent execute function tt_note();
create trigger tt_child_after after truncate on tt_child execute function tt_note();
select tgname, tgtype from pg_trigger where tgname like 'tt\_%' order by tgname;
select pg_get_triggerdef(oid) from pg_trigger where tgname like 'tt\_%' order by tgname;
truncate tt_parent cascade;
select * from tt_log order by what;
-- a row-level TRUNCATE trigger is refused
create trigger tt_row before truncate on tt_parent for each row execute function tt_note();
-- an error in a BEFORE TRUNCATE trigger keeps the rows
insert into tt_parent values (3);
create function tt_refuse() returns trigger language plpgsql as $$
begin raise exception 'no truncating %', tg_table_name; end $$;
create trigger tt_no before truncate on tt_parent execute function tt_refuse();
truncate tt_parent cascade;
select * from tt_parent;
