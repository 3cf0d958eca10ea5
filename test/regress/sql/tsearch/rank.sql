-- ts_rank: PostgreSQL's numbers, float for float, for & / <-> queries (proximity of the
-- operands' positions) and the others (weighted occurrences), with weights and normalizations.
select ts_rank('a:1 b:2 c:3'::tsvector, 'a & b'::tsquery);
select ts_rank('a:1 b:2 c:3'::tsvector, 'a <-> b'::tsquery);
select ts_rank('a:1 b:2 c:3'::tsvector, 'a | b'::tsquery);
select ts_rank('a:1 b:2 c:3'::tsvector, 'a'::tsquery);
select ts_rank('a:1 b:2 c:3'::tsvector, 'x'::tsquery);
select ts_rank('a:1 b:2 c:3'::tsvector, 'a & x'::tsquery);
select ts_rank('a:1,4,9 b:2,8 c:3'::tsvector, 'a & b & c'::tsquery);
select ts_rank('a:1A,4B b:2C c:3D'::tsvector, 'a & b'::tsquery);
select ts_rank('a:1A,4B b:2C c:3D'::tsvector, 'a | c'::tsquery);
select ts_rank('a b c'::tsvector, 'a & b'::tsquery);
select ts_rank('a b c'::tsvector, 'a | b'::tsquery);
select ts_rank('a:1 b:200 c:3'::tsvector, 'a & b'::tsquery);
select ts_rank('abc:1 abd:5 x:6'::tsvector, 'ab:* & x'::tsquery);
select ts_rank('a:1 b:2'::tsvector, '!a'::tsquery);
select ts_rank(''::tsvector, 'a'::tsquery);
select ts_rank('a:1'::tsvector, ''::tsquery);
-- normalizations, one bit at a time and together
select n, ts_rank('a:1,5,9 b:2 c:3 d:4 e:7'::tsvector, 'a & b'::tsquery, n) from generate_series(0, 63) n order by n;
-- weights {D, C, B, A}; a negative one keeps the default
select ts_rank('{0.1, 0.2, 0.4, 1.0}', 'a:1A b:2B'::tsvector, 'a & b'::tsquery);
select ts_rank('{1, 1, 1, 1}', 'a:1A b:2B'::tsvector, 'a & b'::tsquery);
select ts_rank('{0.5, -1, 0.3, 0}', 'a:1A b:2B c:3'::tsvector, 'a | c'::tsquery, 1);
select ts_rank('{0.1, 0.2, 0.4}', 'a:1'::tsvector, 'a'::tsquery);
select ts_rank('{{0.1, 0.2}, {0.4, 1.0}}', 'a:1'::tsvector, 'a'::tsquery);
select ts_rank('{0.1, 0.2, NULL, 1.0}', 'a:1'::tsvector, 'a'::tsquery);
select ts_rank('{0.1, 0.2, 0.4, 1.5}', 'a:1'::tsvector, 'a'::tsquery);
-- documents ranked as the fts workload ranks them
create table ranked (id int primary key, body text);
insert into ranked values
  (1, 'The quick brown fox jumps over the lazy dog'),
  (2, 'A quick brown dog outpaces a quick fox'),
  (3, 'Foxes are quick; dogs are lazy; brown is a color'),
  (4, 'Nothing about animals here at all'),
  (5, 'quick quick quick fox fox dog');
select id, ts_rank(to_tsvector('english', body), plainto_tsquery('english', 'quick fox')) as rank
  from ranked where to_tsvector('english', body) @@ plainto_tsquery('english', 'quick fox')
  order by rank desc, id;
select id, ts_rank(to_tsvector('english', body), to_tsquery('english', 'brown | lazy'), 32) as rank
  from ranked order by rank desc, id;
select id, ts_rank(setweight(to_tsvector('english', body), 'A'), phraseto_tsquery('english', 'quick brown')) as rank
  from ranked order by rank desc, id;
