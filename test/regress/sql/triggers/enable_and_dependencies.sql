-- ALTER TABLE ... ENABLE / DISABLE TRIGGER, what depends on a trigger's function, and a
-- trigger that fires itself without end.
create table te_items (id int primary key, note text);
create table te_log (what text);
create function te_log_it() returns trigger language plpgsql as $$
begin
  insert into te_log values (tg_name || ' ' || tg_op || ' ' || new.id);
  return new;
end $$;
create trigger te_a after insert on te_items for each row execute function te_log_it();
create trigger te_b after insert on te_items for each row execute function te_log_it();

insert into te_items values (1, 'both fire');
alter table te_items disable trigger te_a;
insert into te_items values (2, 'only te_b');
select tgname, tgenabled from pg_trigger where tgrelid = 'te_items'::regclass order by tgname;
alter table te_items disable trigger all;
insert into te_items values (3, 'none');
alter table te_items enable trigger user;
insert into te_items values (4, 'both again');
alter table te_items disable trigger user;
alter table te_items enable always trigger te_a;
alter table te_items enable replica trigger te_b;
select tgname, tgenabled from pg_trigger where tgrelid = 'te_items'::regclass order by tgname;
insert into te_items values (5, 'always fires, replica does not');
set session_replication_role = replica;
insert into te_items values (6, 'replica role: both');
reset session_replication_role;
alter table te_items enable trigger te_b;
insert into te_items values (7, 'te_a always, te_b enabled');
select * from te_log order by what;
alter table te_items disable trigger no_such_trigger;
alter table te_items enable trigger all;

-- the function of a trigger cannot go without it, unless with CASCADE
drop function te_log_it();
drop function te_log_it() cascade;
select count(*) from pg_trigger where tgrelid = 'te_items'::regclass;
insert into te_items values (8, 'no trigger left');
select count(*) from te_log;

-- a trigger that inserts into its own table ends with the stack depth error
create table te_loop (n int);
create function te_again() returns trigger language plpgsql as $$
begin
  insert into te_loop values (new.n + 1);
  return new;
end $$;
create trigger te_again after insert on te_loop for each row execute function te_again();
\set VERBOSITY sqlstate
insert into te_loop values (1);
\set VERBOSITY default
select count(*) from te_loop;
