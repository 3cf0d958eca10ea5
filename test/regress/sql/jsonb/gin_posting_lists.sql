-- GIN entries held many rows to a key (posting lists): CREATE INDEX writes them in chunks,
-- later writes add single rows, VACUUM merges those in and drops rows that are gone. Every
-- answer must stay the one a table scan gives, whatever form the entries are in.
create table gpl (id bigint primary key, doc jsonb, tags int[]);
insert into gpl
  select i,
         jsonb_build_object('kind', 'k' || (i % 3), 'grp', i % 50, 'tags', jsonb_build_array('t' || (i % 7))),
         array[i % 11, 100 + i % 13]
  from generate_series(1, 9000) i;
create index gpl_path on gpl using gin (doc jsonb_path_ops);
create index gpl_ops on gpl using gin (doc);
create index gpl_tags on gpl using gin (tags);
analyze gpl;
explain (costs off) select count(*) from gpl where doc @> '{"kind": "k1"}';
-- common entries (3,000 rows each: more than one chunk), intersections and unions of them
select count(*) from gpl where doc @> '{"kind": "k1"}';
select count(*) from gpl where doc @> '{"kind": "k1", "tags": ["t3"]}';
select count(*) from gpl where doc @> '{"kind": "k1", "grp": 7}';
select count(*) from gpl where doc ? 'kind';
select count(*) from gpl where doc ?| array['nope', 'grp'];
select count(*) from gpl where tags @> '{3, 105}';
select count(*) from gpl where tags && '{3, 105}';
select sum(id) from gpl where doc @> '{"grp": 49}';
-- single rows added over the chunks: new rows, changed rows, deleted rows
insert into gpl select i, '{"kind": "k1", "grp": 7, "tags": ["t3"]}', '{3, 105}' from generate_series(9001, 9100) i;
update gpl set doc = jsonb_set(doc, '{kind}', '"k9"') where id % 100 = 1;
update gpl set tags = '{}' where id % 97 = 0;
delete from gpl where id % 13 = 0;
select count(*) from gpl where doc @> '{"kind": "k1"}';
select count(*) from gpl where doc @> '{"kind": "k9"}';
select count(*) from gpl where doc @> '{"kind": "k1", "grp": 7}';
select count(*) from gpl where tags @> '{3, 105}';
select count(*) from gpl where tags && '{3, 105}';
-- a row deleted and made again under the same key, with other entries
delete from gpl where id = 2;
insert into gpl values (2, '{"kind": "k7", "grp": 7}', '{7}');
select id from gpl where doc @> '{"kind": "k7"}' order by id;
select count(*) from gpl where doc @> '{"grp": 2}';
-- rolled-back changes leave the entries as they were
begin;
delete from gpl where doc @> '{"kind": "k0"}';
update gpl set doc = '{"kind": "k1"}' where id between 100 and 200;
select count(*) from gpl where doc @> '{"kind": "k1"}';
rollback;
select count(*) from gpl where doc @> '{"kind": "k0"}';
select count(*) from gpl where doc @> '{"kind": "k1"}';
-- VACUUM merges the single rows into the chunks; the answers do not move
vacuum gpl;
select count(*) from gpl where doc @> '{"kind": "k1"}';
select count(*) from gpl where doc @> '{"kind": "k9"}';
select count(*) from gpl where doc @> '{"kind": "k1", "grp": 7}';
select count(*) from gpl where doc ? 'kind';
select count(*) from gpl where tags @> '{3, 105}';
select count(*) from gpl where tags && '{3, 105}';
select id from gpl where doc @> '{"kind": "k7"}' order by id;
-- and changes after the merge are seen as before
update gpl set doc = jsonb_set(doc, '{kind}', '"k9"') where id % 100 = 2;
delete from gpl where doc @> '{"grp": 7}' and id > 9050;
select count(*) from gpl where doc @> '{"kind": "k9"}';
select count(*) from gpl where doc @> '{"kind": "k1", "grp": 7}';
vacuum gpl;
select count(*) from gpl where doc @> '{"kind": "k9"}';
select count(*) from gpl where doc @> '{"kind": "k1", "grp": 7}';
-- a transaction sees its own deletions through the index
begin isolation level repeatable read;
select count(*) from gpl where doc @> '{"kind": "k2"}';
delete from gpl where doc @> '{"kind": "k2"}' and id < 1000;
select count(*) from gpl where doc @> '{"kind": "k2"}';
commit;
select count(*) from gpl where doc @> '{"kind": "k2"}';
-- REINDEX builds the chunks again from the rows
reindex index gpl_path;
select count(*) from gpl where doc @> '{"kind": "k2"}';
select count(*) from gpl where doc @> '{"kind": "k1", "tags": ["t3"]}';
-- a dropped table's keys are gone: a new table of the same name starts empty
drop table gpl;
create table gpl (id bigint primary key, doc jsonb);
create index gpl_path on gpl using gin (doc jsonb_path_ops);
select count(*) from gpl where doc @> '{"kind": "k1"}';
insert into gpl values (1, '{"kind": "k1"}');
select count(*) from gpl where doc @> '{"kind": "k1"}';
drop table gpl;
