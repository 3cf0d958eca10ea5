-- GIN indexes on jsonb (jsonb_ops, jsonb_path_ops) and arrays (array_ops): built over existing
-- rows, kept in step by INSERT / UPDATE / DELETE and rollbacks, used for @>, ?, ?|, ?& and &&
-- (Bitmap Heap Scan), with the same answers as without the index.
create table gin_docs (id int primary key, doc jsonb, tags text[]);
insert into gin_docs
  select i,
         jsonb_build_object('type', case when i % 10 = 0 then 'task' else 'msg' end,
                            'user', jsonb_build_object('id', i % 7, 'name', 'u' || (i % 7)),
                            'tags', jsonb_build_array('t' || (i % 5), i % 3),
                            'score', (i % 4) * 1.5),
         array['x' || (i % 3), 'y']
  from generate_series(1, 3000) i;
insert into gin_docs values (3001, null, null), (3002, '[]', '{}'), (3003, '"task"', '{NULL}'), (3004, '{}', '{x1,NULL}');
-- answers before any index
select count(*) from gin_docs where doc @> '{"type": "task"}';
select count(*) from gin_docs where doc @> '{"user": {"id": 3}}' and doc @> '{"tags": ["t2"]}';
select count(*) from gin_docs where doc @> '{"score": 3.0}';
create index gin_docs_path on gin_docs using gin (doc jsonb_path_ops);
create index gin_docs_ops on gin_docs using gin (doc);
create index gin_docs_tags on gin_docs using gin (tags);
analyze gin_docs;
-- the same answers through the indexes
explain (costs off) select count(*) from gin_docs where doc @> '{"type": "task"}';
select count(*) from gin_docs where doc @> '{"type": "task"}';
-- a query built from text and a number is one constant (text || int folds, as PostgreSQL inlines it)
explain (costs off) select count(*) from gin_docs where doc @> ('{"user": {"id": ' || 3 || '}}')::jsonb;
select count(*) from gin_docs where doc @> ('{"user": {"id": ' || 3 || '}}')::jsonb;
select count(*) from gin_docs where doc @> '{"user": {"id": 3}}' and doc @> '{"tags": ["t2"]}';
select count(*) from gin_docs where doc @> '{"score": 3.0}';
select count(*) from gin_docs where doc @> '{"score": 3}';
select count(*) from gin_docs where doc @> '{"tags": [2]}';
select count(*) from gin_docs where doc @> '{"user": {"name": "u6", "id": 6}}';
select count(*) from gin_docs where doc @> '{"user": {"id": 99}}';
select id from gin_docs where doc @> '"task"' order by id;
select id from gin_docs where doc @> '[]' order by id;
select count(*) from gin_docs where doc @> '{}';
select count(*) from gin_docs where doc ? 'type';
select id from gin_docs where doc ? 'task' order by id;
select count(*) from gin_docs where doc ?| array['nope', 'user'];
select count(*) from gin_docs where doc ?& array['nope', 'user'];
select count(*) from gin_docs where doc ?& array['type', 'user'];
select count(*) from gin_docs where doc ?& '{}'::text[];
select count(*) from gin_docs where tags @> '{x1}';
select count(*) from gin_docs where tags @> '{x1,y}';
select count(*) from gin_docs where tags @> '{}';
select count(*) from gin_docs where tags @> '{NULL}';
select count(*) from gin_docs where tags && '{x1,x2}';
select count(*) from gin_docs where tags && '{}';
explain (costs off) select id from gin_docs where tags && '{x0}' and id < 10;
select id from gin_docs where tags && '{x0}' and id < 10 order by id;
-- a parameter as the query value
prepare gin_q(jsonb) as select count(*) from gin_docs where doc @> $1;
execute gin_q('{"type": "msg"}');
execute gin_q('{"user": {"id": 0}}');
execute gin_q(null);
deallocate gin_q;
-- entries follow the rows
update gin_docs set doc = doc || '{"type": "task"}' where id between 1 and 5;
delete from gin_docs where id = 10;
insert into gin_docs values (4000, '{"type": "task", "new": true}', '{x9}');
select count(*) from gin_docs where doc @> '{"type": "task"}';
select id from gin_docs where doc ? 'new' or tags @> '{x9}' order by id;
begin;
insert into gin_docs values (4001, '{"type": "task", "rolled": "back"}', '{x9}');
savepoint s;
update gin_docs set doc = '{"rolled": "sp"}' where id = 4000;
rollback to s;
select id from gin_docs where doc ? 'rolled' order by id;
rollback;
select id from gin_docs where doc ? 'rolled' or tags @> '{x9}' order by id;
-- the catalogs
select pg_get_indexdef('gin_docs_path'::regclass), pg_get_indexdef('gin_docs_tags'::regclass);
select c.relname, a.amname from pg_class c join pg_am a on a.oid = c.relam where c.relname like 'gin_docs_%' order by 1;
select opcname, opcdefault from pg_opclass where opcmethod = (select oid from pg_am where amname = 'gin') and opcname in ('jsonb_ops', 'jsonb_path_ops', 'array_ops') order by 1;
\d gin_docs
-- errors
create index on gin_docs using gin (id);
create index on gin_docs using gin (doc text_pattern_ops);
create index on gin_docs using gin (tags jsonb_path_ops);
create unique index on gin_docs using gin (doc);
create index on gin_docs using gin (doc desc);
create index on gin_docs using no_such_method (id);
drop index gin_docs_ops;
select count(*) from gin_docs where doc ? 'type';
-- a multi-column GIN index
create index gin_docs_both on gin_docs using gin (doc jsonb_path_ops, tags);
select count(*) from gin_docs where doc @> '{"type": "msg"}' and tags @> '{x2}';
drop table gin_docs;
