-- User text search objects where text search is used: a GIN index over to_tsvector with a
-- user configuration, a generated tsvector column, tsvector_update_trigger, a prepared
-- statement, and a change of dictionary seen by all of them.
create text search dictionary doc_stop (template = simple, stopwords = english, accept = false);
create text search dictionary doc_stem (template = snowball, language = english);
create text search configuration docs (copy = english);
alter text search configuration docs alter mapping for asciiword, word with doc_stop, doc_stem;

create table notes (id int primary key, body text);
create index notes_fts on notes using gin (to_tsvector('docs', body));
insert into notes values (1, 'The cats are running'), (2, 'A dog sleeps'), (3, 'Running dogs and cats');
set enable_seqscan = off;
explain (costs off) select id from notes where to_tsvector('docs', body) @@ to_tsquery('docs', 'cat & run');
select id from notes where to_tsvector('docs', body) @@ to_tsquery('docs', 'cat & run') order by id;
select id from notes where to_tsvector('docs', body) @@ plainto_tsquery('docs', 'the dogs') order by id;
reset enable_seqscan;
update notes set body = 'Cats sleeping' where id = 2;
select id, to_tsvector('docs', body) from notes order by id;

-- a generated column
create table posts (
  id int primary key,
  title text,
  search tsvector generated always as (to_tsvector('public.docs', coalesce(title, ''))) stored
);
insert into posts (id, title) values (1, 'The quick foxes'), (2, null);
select id, search from posts order by id;

-- tsvector_update_trigger with a user configuration, by name and by a regconfig column
create table articles (id int primary key, body text, tsv tsvector);
create trigger articles_tsv before insert or update on articles
  for each row execute function tsvector_update_trigger(tsv, 'public.docs', body);
insert into articles (id, body) values (1, 'The foxes were jumping');
select id, tsv from articles;
create table typed (id int primary key, cfg regconfig, body text, tsv tsvector);
create trigger typed_tsv before insert or update on typed
  for each row execute function tsvector_update_trigger_column(tsv, cfg, body);
insert into typed values (1, 'docs', 'The foxes were jumping', null), (2, 'simple', 'The foxes were jumping', null);
select id, cfg, tsv from typed order by id;

-- a prepared statement sees a changed dictionary
prepare q(text) as select to_tsvector('docs', $1);
execute q('The cats were running');
alter text search dictionary doc_stop (stopwords);
execute q('The cats were running');
alter text search configuration docs alter mapping replace doc_stem with simple;
execute q('The cats were running');
insert into articles (id, body) values (2, 'The foxes were jumping');
select id, tsv from articles order by id;
