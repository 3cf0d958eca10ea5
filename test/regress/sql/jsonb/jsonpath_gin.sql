-- GIN indexes answering the jsonpath operators @? and @@ (jsonb_ops and jsonb_path_ops): the
-- same rows as without an index, for comparisons, EXISTS, filters, AND / OR / NOT, strict and
-- lax paths, string array elements, and paths no entry can narrow.
create table jpg (id int primary key, doc jsonb);
insert into jpg
  select i,
         jsonb_build_object('type', case when i % 10 = 0 then 'task' else 'msg' end,
                            'user', jsonb_build_object('id', i % 7, 'name', 'u' || (i % 7)),
                            'tags', jsonb_build_array('t' || (i % 5), i % 3),
                            'score', (i % 4) * 1.5)
  from generate_series(1, 2000) i;
insert into jpg values (2001, null), (2002, '[]'), (2003, '"task"'), (2004, '{}'), (2005, '[{"type": "task"}]');
create table jpg_queries (q int primary key, path jsonpath, match boolean);
insert into jpg_queries values
  (1, '$.type == "task"', true),
  (2, '$.user.id == 3 && $.tags[*] == "t2"', true),
  (3, '$.score == 3', true),
  (4, '$.type == "task" || $.user.name == "u6"', true),
  (5, '!($.type == "msg")', true),
  (6, 'strict $.tags[*] == 2', true),
  (7, '$ == "task"', true),
  (8, '$.score > 2', true),
  (9, 'exists($.user ? (@.id == 4))', true),
  (10, '$.type ? (@ == "task")', false),
  (11, '$.tags ? (@[*] == "t1")', false),
  (12, 'strict $.tags[*] ? (@ == "t4")', false),
  (13, '$.user ? (@.id == 1 && @.name == "u1")', false),
  (14, '$.user.name', false),
  (15, '$[*] ? (@.type == "task")', false),
  (16, '$.user ? (@.id == 5 || @.id == 6)', false);
-- answers without an index
create table jpg_expected as
  select q, (select count(*) from jpg where case when match then doc @@ path else doc @? path end) as n from jpg_queries;
select q, n from jpg_expected order by q;
create index jpg_ops on jpg using gin (doc);
analyze jpg;
set enable_seqscan = off;
explain (costs off) select count(*) from jpg where doc @@ '$.type == "task"';
explain (costs off) select count(*) from jpg where doc @? '$.user ? (@.id == 1)';
select count(*) from jpg where doc @@ '$.type == "task"';
select count(*) from jpg where doc @@ '$.user.id == 3 && $.tags[*] == "t2"';
select count(*) from jpg where doc @@ '$.score == 3';
select count(*) from jpg where doc @@ '$.type == "task" || $.user.name == "u6"';
select count(*) from jpg where doc @@ '!($.type == "msg")';
select count(*) from jpg where doc @@ 'strict $.tags[*] == 2';
select count(*) from jpg where doc @@ '$ == "task"';
select count(*) from jpg where doc @@ '$.score > 2';
select count(*) from jpg where doc @@ 'exists($.user ? (@.id == 4))';
select count(*) from jpg where doc @? '$.type ? (@ == "task")';
select count(*) from jpg where doc @? '$.tags ? (@[*] == "t1")';
select count(*) from jpg where doc @? 'strict $.tags[*] ? (@ == "t4")';
select count(*) from jpg where doc @? '$.user ? (@.id == 1 && @.name == "u1")';
select count(*) from jpg where doc @? '$.user.name';
select count(*) from jpg where doc @? '$[*] ? (@.type == "task")';
select count(*) from jpg where doc @? '$.user ? (@.id == 5 || @.id == 6)';
drop index jpg_ops;
create index jpg_path on jpg using gin (doc jsonb_path_ops);
analyze jpg;
explain (costs off) select count(*) from jpg where doc @@ '$.user.id == 3';
select count(*) from jpg where doc @@ '$.type == "task"';
select count(*) from jpg where doc @@ '$.user.id == 3 && $.tags[*] == "t2"';
select count(*) from jpg where doc @@ '$.score == 3';
select count(*) from jpg where doc @@ '$.type == "task" || $.user.name == "u6"';
select count(*) from jpg where doc @@ '!($.type == "msg")';
select count(*) from jpg where doc @@ 'strict $.tags[*] == 2';
select count(*) from jpg where doc @@ '$ == "task"';
select count(*) from jpg where doc @@ 'exists($.user ? (@.id == 4))';
select count(*) from jpg where doc @? '$.type ? (@ == "task")';
select count(*) from jpg where doc @? '$.tags ? (@[*] == "t1")';
select count(*) from jpg where doc @? '$.user ? (@.id == 1 && @.name == "u1")';
select count(*) from jpg where doc @? '$[*] ? (@.type == "task")';
select count(*) from jpg where doc @? '$.user ? (@.id == 5 || @.id == 6)';
-- rows written after the index was built are found too
insert into jpg values (3000, '{"type": "task", "user": {"id": 3}, "tags": ["t2"]}');
update jpg set doc = '{"type": "msg"}' where id = 10;
delete from jpg where id = 20;
select count(*) from jpg where doc @@ '$.type == "task"';
select count(*) from jpg where doc @@ '$.user.id == 3 && $.tags[*] == "t2"';
reset enable_seqscan;
drop table jpg, jpg_queries, jpg_expected;
