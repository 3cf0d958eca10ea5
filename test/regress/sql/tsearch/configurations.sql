-- Text through configurations: to_tsvector, the to_tsquery family, regconfig, stop words,
-- stemming, and the default configuration.
show default_text_search_config;
select get_current_ts_config();
select 'english'::regconfig, 'pg_catalog.simple'::regconfig, 'English'::regconfig;
select 'english'::regconfig::oid, 3748::regconfig, 'simple'::regconfig = 3748::regconfig;
select 'no_such'::regconfig;
select 'public.english'::regconfig;

-- simple: every word in lower case, positions counted from one
select to_tsvector('simple', 'The Fat Rats ate the fat CHEESE');
select to_tsvector('simple', '');
select to_tsvector('simple', '   ');
select to_tsvector('simple', 'Ünïcödé ÀB ÉCOLE straße');
select to_tsvector('simple', 'foo-bar 1.5 -2 3e4 1.2.3 http://x.com/a/b user@example.com /usr/lib/x.so');
select to_tsvector('simple', 'a <b> c &amp; d');

-- english: stop words take their positions, words are stemmed
select to_tsvector('english', 'The quick brown foxes jumped over the lazy dogs');
select to_tsvector('english', 'running runs ran runner generously fairly skies dying news ponies caresses');
select to_tsvector('english', 'the a an of and or but');
select to_tsvector('english', 'supernovae-stars self-driving cars co-operation');
select to_tsvector('english', 'Visit https://www.postgresql.org/docs/15/textsearch.html today');
select to_tsvector('german', 'Die Häuser sind schöner als die Bäume');
select to_tsvector('french', 'Les chevaux mangeaient des pommes');
select to_tsvector('spanish', 'Los niños corrían rápidamente');
select to_tsvector('russian', 'Быстрые лисы прыгали');
select to_tsvector('The default configuration stems these words');
select length(to_tsvector('english', repeat('word ', 300)));

-- to_tsquery: operands through the configuration, operators as written
select to_tsquery('english', 'cats & dogs');
select to_tsquery('english', 'The & Cats');
select to_tsquery('english', 'the');
select to_tsquery('english', 'supernovae-stars');
select to_tsquery('english', 'fat:ab & rats:*');
select to_tsquery('english', '!(fat | rat) <-> cats');
select to_tsquery('english', 'fat <2> the <-> rats');
select to_tsquery('simple', 'Fat & Rats');
select to_tsquery('english', '');
select to_tsquery('english', 'cat &');
select to_tsquery('cats & dogs');

-- plainto_tsquery: words joined by &, punctuation ignored
select plainto_tsquery('english', 'The Fat Rats');
select plainto_tsquery('english', 'fat & rat | cat!');
select plainto_tsquery('english', 'the the');
select plainto_tsquery('english', '');
select plainto_tsquery('simple', 'Hello, World');

-- phraseto_tsquery: words joined by <->, stop words counted in the distance
select phraseto_tsquery('english', 'The Fat Rats');
select phraseto_tsquery('english', 'cat the sat');
select phraseto_tsquery('english', 'cat on the mat');
select phraseto_tsquery('english', 'of the');
select phraseto_tsquery('simple', 'a b c');

-- matching text
select to_tsvector('english', 'a fat cat sat on a mat') @@ to_tsquery('english', 'cat & mat');
select to_tsvector('english', 'a fat cat sat on a mat') @@ phraseto_tsquery('english', 'cats sat');
select to_tsvector('english', 'a fat cat sat on a mat') @@ phraseto_tsquery('english', 'sat mat');
select to_tsvector('english', 'a fat cat sat on a mat') @@ phraseto_tsquery('english', 'sat on a mat');
select 'a fat cat sat on a mat' @@ to_tsquery('english', 'cats');
select 'a fat cat sat on a mat' @@ 'cats & mats';
select 'a fat cat sat on a mat' @@ 'dogs';

-- a table searched by configuration
create table notes (id int primary key, body text);
insert into notes values (1, 'PostgreSQL supports full text search'), (2, 'Searching texts with stemming'),
  (3, 'Nothing relevant here'), (4, 'The searcher searched the searchable texts');
select id from notes where to_tsvector('english', body) @@ to_tsquery('english', 'search') order by id;
select id from notes where to_tsvector('english', body) @@ plainto_tsquery('english', 'text search') order by id;
select id, to_tsvector('english', body) from notes order by id;

-- the default configuration follows the setting
set default_text_search_config = 'simple';
select get_current_ts_config(), to_tsvector('The Rats'), plainto_tsquery('The Rats');
set default_text_search_config = 'pg_catalog.german';
select get_current_ts_config(), to_tsvector('Die Häuser');
set default_text_search_config = 'no_such';
reset default_text_search_config;

-- the parser itself
select * from ts_token_type('default');
select * from ts_parse('default', 'foo-bar 2.5 http://a.b/c x@y.org <p>');
select * from ts_parse(3722, 'a1 b');
select * from ts_parse('no_such', 'a');
