-- A btree index on a jsonb column: the answers are jsonb's equality and order ('1.0' = '1',
-- objects by number of pairs first), with the index there or not.
create table jb_docs (id int primary key, doc jsonb);
create index jb_docs_doc on jb_docs (doc);
insert into jb_docs values (1, '{"a": 1}'), (2, '{"a": 1.0, "b": 2}'), (3, '[]'), (4, 'null'), (5, '{"a": 2}'), (6, '"x"'), (7, '10');
select id from jb_docs where doc = '{"a": 1.0}' order by id;
select id from jb_docs where doc = '1e1' order by id;
select id from jb_docs where doc > '{"a": 1}' order by id;
select id, doc from jb_docs order by doc, id;
select id, doc from jb_docs order by doc desc limit 3;
select a.id, b.id from jb_docs a join jb_docs b on a.doc = b.doc where a.id < b.id order by 1, 2;
drop table jb_docs;
