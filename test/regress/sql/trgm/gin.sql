-- GIN gin_trgm_ops: over a text column, a varchar column and an expression; the index finds
-- the candidates of LIKE / ILIKE (wildcards, escapes, patterns without trigrams), =, ~ and ~*
-- (the literals a match needs), and of %, %>, %>> at the session's thresholds; candidates are
-- re-checked. Rows added, changed and
-- removed after CREATE INDEX are found as well.
create extension pg_trgm;
create table products (id int primary key, name text, sku varchar(20));
insert into products
select i,
       (array['Red Apple', 'Green apple juice', 'Pineapple slices', 'Grape soda', 'Grapefruit',
              'Blue berry muffin', 'Blueberry jam', 'Straße café crème', '東京 ramen', 'x'])[1 + i % 10] ||
       ' #' || i,
       'SKU-' || lpad(i::text, 5, '0')
from generate_series(1, 500) i;
create index products_name_trgm on products using gin (name gin_trgm_ops);
create index products_sku_trgm on products using gin (sku gin_trgm_ops);
create index products_lower_trgm on products using gin (lower(name) gin_trgm_ops);
set enable_seqscan = off;
explain (costs off) select count(*) from products where name ilike '%apple%';
explain (costs off) select count(*) from products where sku like 'SKU-001%';
explain (costs off) select count(*) from products where name % 'apple juice';
explain (costs off) select id from products where lower(name) like '%berry%';
select count(*) from products where name ilike '%apple%';
select count(*) from products where name like '%apple%';
select count(*) from products where name like '%Apple%';
select count(*) from products where name ilike '%APPLE JUICE%';
select count(*) from products where name ilike '%berr_%';
select count(*) from products where name like 'Grape%';
select count(*) from products where name like '%#1_';
select count(*) from products where name like '%';
select count(*) from products where name like '_';
select count(*) from products where name ilike '%café%';
select count(*) from products where name ilike '%CAFÉ CRÈME%';
select count(*) from products where name ilike '%straße%';
select count(*) from products where name like '%東京%';
select count(*) from products where name like '%\#1%';
select count(*) from products where name ilike '%ramen #4_';
select count(*) from products where sku like 'SKU-001%';
select count(*) from products where sku ilike '%-0049_';
select count(*) from products where lower(name) like '%berry%';
select count(*) from products where name = 'Grape soda #3';
select count(*) from products where name = 'x';
select count(*) from products where name % 'apple juice';
select count(*) from products where name % 'Grapefruit #9';
select count(*) from products where name %> 'berry';
select count(*) from products where name %>> 'berry';
set pg_trgm.similarity_threshold = 0.1;
select count(*) from products where name % 'apple';
set pg_trgm.similarity_threshold = 1;
select count(*) from products where name % 'Grape soda #3';
reset pg_trgm.similarity_threshold;
set pg_trgm.word_similarity_threshold = 0.3;
select count(*) from products where name %> 'bluberry';
reset pg_trgm.word_similarity_threshold;
-- Regular expressions: the literals every match must contain narrow the rows.
explain (costs off) select count(*) from products where name ~ 'apple|berry';
select count(*) from products where name ~ 'apple|berry';
select count(*) from products where name ~* 'APPLE (juice|slices)';
select count(*) from products where name ~ '^Grape(fruit| soda) #1[0-9]$';
select count(*) from products where name ~ 'Blue ?berry';
select count(*) from products where name ~ '(Red|Green) [Aa]pple';
select count(*) from products where name ~ 'e{2}';
select count(*) from products where name ~ 'mu(f+)in';
select count(*) from products where name ~ '\d{3}$';
select count(*) from products where name ~ 'caf.';
select count(*) from products where name ~ '(?:jam|juice) #4';
select count(*) from products where name ~ 'x #[0-9]+';
select count(*) from products where name ~ '.*';
select count(*) from products where name ~ 'ap(p|q)le\.';
select count(*) from products where name ~ '***=#10';
select count(*) from products where name ~ 'a(b';
-- Changes after the index was built.
insert into products values (1001, 'Dragon fruit', 'SKU-01001'), (1002, 'dragonfly apple', 'SKU-01002');
update products set name = 'Kiwi' where id = 1;
delete from products where id = 2;
select id, name from products where name ilike '%dragon%' order by id;
select id, name from products where name ilike 'kiwi%' order by id;
select count(*) from products where name ilike '%apple%';
select count(*) from products where name like '%juice #2';
-- Other types and classes.
create index on products using gin (id gin_trgm_ops);
create table tags (t text[]);
create index on tags using gin (t gin_trgm_ops);
