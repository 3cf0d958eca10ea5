-- Triggers as pg_trigger lists them and pg_get_triggerdef prints them (psql's \d, pg_dump).
create table cat_t(id int primary key, status text, note text);
create function cat_noop() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger cat_b before insert or update of status, note on cat_t for each row execute function cat_noop();
create trigger cat_a after delete on cat_t for each row when (old.status <> 'x') execute function cat_noop('a', 'it''s', 3);

create trigger cat_st before insert on cat_t for each statement execute function cat_noop();
select tgname, tgtype, tgenabled, tgnargs, tgattr, tgisinternal, tgdeferrable, tgqual is not null as has_when
  from pg_trigger where tgrelid = 'cat_t'::regclass order by tgname;
select tgname, pg_get_triggerdef(oid), pg_get_triggerdef(oid, true) from pg_trigger where tgrelid = 'cat_t'::regclass order by tgname;
select relhastriggers from pg_class where oid = 'cat_t'::regclass;
select tgname, tgfoid::regproc from pg_trigger where tgrelid = 'cat_t'::regclass order by tgname;
create or replace trigger cat_b after update on cat_t for each row execute function cat_noop();
select pg_get_triggerdef(oid) from pg_trigger where tgname = 'cat_b';
drop table cat_t;
select count(*) from pg_trigger where tgname like 'cat_%';
