-- tsvector_update_trigger and tsvector_update_trigger_column: a tsvector column kept as the
-- to_tsvector of text columns (positions running on from column to column), recomputed on
-- UPDATE only when a text column is set; the configuration named (schema-qualified) or read
-- from a regconfig column; PostgreSQL's errors.
create table messages (id int primary key, title text, body varchar(200), tsv tsvector);
create trigger messages_tsv before insert or update on messages
  for each row execute function tsvector_update_trigger(tsv, 'pg_catalog.english', title, body);
insert into messages (id, title, body) values
  (1, 'The quick brown fox', 'jumped over the lazy dogs'),
  (2, 'Running wolves', null),
  (3, null, null),
  (4, 'A', 'the of and');
select id, tsv from messages order by id;
select id from messages where tsv @@ to_tsquery('english', 'jump & dog') order by id;
select id from messages where tsv @@ to_tsquery('english', 'fox <2> jump') order by id;
update messages set body = 'sleeping cats' where id = 1;
select tsv from messages where id = 1;
-- The tsvector is set by hand, then a statement that sets no text column leaves it be.
update messages set tsv = 'manual'::tsvector where id = 2;
update messages set id = 20 where id = 2;
select id, tsv from messages where id = 20;
update messages set title = title where id = 20;
select id, tsv from messages where id = 20;
-- The configuration from a column.
create table docs (id int primary key, cfg regconfig, body text, tsv tsvector);
create trigger docs_tsv before insert or update on docs
  for each row execute procedure tsvector_update_trigger_column(tsv, cfg, body);
insert into docs (id, cfg, body) values (1, 'english', 'The running dogs'), (2, 'simple', 'The running dogs'),
  (3, 'german', 'Die laufenden Hunde');
select id, tsv from docs order by id;
insert into docs (id, cfg, body) values (4, null, 'x');
-- Errors.
create table bad (id int, t text, n int, v tsvector, c text);
create trigger bad1 before insert on bad for each row execute function tsvector_update_trigger(v, 'english', t);
insert into bad values (1, 'a');
drop trigger bad1 on bad;
create trigger bad2 before insert on bad for each row execute function tsvector_update_trigger(nope, 'pg_catalog.english', t);
insert into bad values (1, 'a');
drop trigger bad2 on bad;
create trigger bad3 before insert on bad for each row execute function tsvector_update_trigger(t, 'pg_catalog.english', t);
insert into bad values (1, 'a');
drop trigger bad3 on bad;
create trigger bad4 before insert on bad for each row execute function tsvector_update_trigger(v, 'pg_catalog.english', n);
insert into bad values (1, 'a', 1);
drop trigger bad4 on bad;
create trigger bad5 before insert on bad for each row execute function tsvector_update_trigger(v, 'pg_catalog.english', missing);
insert into bad values (1, 'a');
drop trigger bad5 on bad;
create trigger bad6 before insert on bad for each row execute function tsvector_update_trigger(v, 'pg_catalog.nosuch', t);
insert into bad values (1, 'a');
drop trigger bad6 on bad;
create trigger bad7 before insert on bad for each row execute function tsvector_update_trigger_column(v, c, t);
insert into bad values (1, 'a', 1, null, 'english');
drop trigger bad7 on bad;
create trigger bad8 before insert on bad for each row execute function tsvector_update_trigger_column(v, nope, t);
insert into bad values (1, 'a');
drop trigger bad8 on bad;
select tgname, tgfoid::regproc, pg_get_triggerdef(oid) from pg_trigger where tgrelid = 'messages'::regclass;
