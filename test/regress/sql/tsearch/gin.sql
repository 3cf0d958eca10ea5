-- GIN tsvector_ops: over a tsvector column and over to_tsvector(...) expressions; the index
-- finds the candidates of & | ! prefix and phrase queries, the rows are re-checked.
create table articles (id int primary key, title text, body text, tsv tsvector);
insert into articles
select i, 'title ' || i,
       (array['the quick brown fox', 'a lazy dog sleeps', 'foxes and dogs play', 'postgres full text search',
              'searching texts quickly', 'brown bears fish', 'quick thinking wins'])[1 + i % 7] || ' ' ||
       (array['alpha', 'beta', 'gamma', 'delta', 'epsilon'])[1 + i % 5] || ' doc' || i,
       null
from generate_series(1, 700) i;
update articles set tsv = setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body);
create index articles_tsv on articles using gin (tsv);
create index articles_body on articles using gin (to_tsvector('english', body));
set enable_seqscan = off;
explain (costs off) select count(*) from articles where tsv @@ to_tsquery('english', 'fox & brown');
explain (costs off) select id from articles where to_tsvector('english', body) @@ plainto_tsquery('english', 'lazy dog');
select count(*) from articles where tsv @@ to_tsquery('english', 'fox & brown');
select count(*) from articles where tsv @@ to_tsquery('english', 'fox | bear');
select count(*) from articles where tsv @@ to_tsquery('english', 'fox & !brown');
select count(*) from articles where tsv @@ to_tsquery('english', '!fox');
select count(*) from articles where tsv @@ to_tsquery('english', 'search:*');
select count(*) from articles where tsv @@ to_tsquery('english', 'qu:* & gamma');
select count(*) from articles where tsv @@ to_tsquery('english', 'quick <-> brown');
select count(*) from articles where tsv @@ to_tsquery('english', 'brown <-> quick');
select count(*) from articles where tsv @@ to_tsquery('english', 'titl:A & doc1');
select count(*) from articles where tsv @@ to_tsquery('english', 'titl:B');
select count(*) from articles where tsv @@ to_tsquery('english', 'nosuchword');
select count(*) from articles where tsv @@ ''::tsquery;
select count(*) from articles where tsv @@ to_tsquery('english', 'fox | !dog');
select id from articles where to_tsvector('english', body) @@ plainto_tsquery('english', 'lazy dog') and id < 50 order by id;
select id from articles where to_tsvector('english', body) @@ phraseto_tsquery('english', 'full text search') and id % 100 = 3 order by id;
select id, ts_rank(tsv, to_tsquery('english', 'fox | quick')) as r
  from articles where tsv @@ to_tsquery('english', 'fox | quick') order by r desc, id limit 5;
-- the index follows writes
insert into articles values (1001, 'zebra story', 'zebras run fast', to_tsvector('english', 'zebras run fast'));
select id from articles where tsv @@ to_tsquery('english', 'zebra');
update articles set tsv = to_tsvector('english', 'no stripes') where id = 1001;
select id from articles where tsv @@ to_tsquery('english', 'zebra');
select id from articles where tsv @@ to_tsquery('english', 'stripe');
delete from articles where id = 1001;
select id from articles where tsv @@ to_tsquery('english', 'stripe');
-- seed 001's search index
create table search_indices (id bigserial primary key, document_id varchar(255) not null, content text not null,
                             keywords text);
create index idx_search_indices_content_fts on search_indices using gin(to_tsvector('simple', content));
create index idx_search_indices_keywords_fts on search_indices using gin(to_tsvector('simple', keywords));
insert into search_indices (document_id, content, keywords) values
  ('d1', 'Tusk runs PostgreSQL applications', 'database engine'),
  ('d2', 'Full text search with GIN indexes', 'search gin'),
  ('d3', '向量 search in 中文 text', 'vector');
select document_id from search_indices where to_tsvector('simple', content) @@ plainto_tsquery('simple', 'search') order by 1;
select document_id from search_indices where to_tsvector('simple', keywords) @@ to_tsquery('simple', 'gin | engine') order by 1;
reset enable_seqscan;
create index on articles using gin (tsv tsquery_ops);
