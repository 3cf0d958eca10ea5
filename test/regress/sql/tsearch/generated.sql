-- A generated tsvector column (the usual way to keep one: weights per source column) under a
-- GIN index: rows inserted, updated and deleted, queries through the index, ranking by weight.
create table posts (
  id int primary key,
  title text not null,
  body text,
  search tsvector generated always as (
    setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'D')
  ) stored
);
create index posts_search on posts using gin (search);
insert into posts (id, title, body) values
  (1, 'Postgres full text search', 'Ranking documents with tsvector and tsquery'),
  (2, 'Cooking with cats', 'Cats do not cook, but they watch'),
  (3, 'Search engines', null),
  (4, 'Untitled', 'A post about postgres indexes');
select id, search from posts order by id;
set enable_seqscan = off;
explain (costs off) select id from posts where search @@ websearch_to_tsquery('english', 'postgres search');
select id from posts where search @@ websearch_to_tsquery('english', 'postgres search') order by id;
select id, ts_rank(search, to_tsquery('english', 'postgres')) as rank
from posts where search @@ to_tsquery('english', 'postgres') order by rank desc, id;
select id from posts where search @@ to_tsquery('english', 'search:A') order by id;
update posts set body = 'Now about search too' where id = 2;
update posts set title = 'Indexes' where id = 4;
delete from posts where id = 3;
select id, search from posts order by id;
select id from posts where search @@ to_tsquery('english', 'search') order by id;
insert into posts (id, title, body, search) values (5, 'x', 'y', 'z');
update posts set search = 'z' where id = 1;
