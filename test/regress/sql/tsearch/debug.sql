-- ts_lexize over the built-in dictionaries (NULL: unknown, {}: a stop word), the
-- regdictionary type (names, OIDs, errors), and ts_debug: every token with its type, the
-- dictionaries its configuration maps it to, the one that took it and its lexemes.
select ts_lexize('english_stem', 'running'), ts_lexize('english_stem', 'The'), ts_lexize('english_stem', 'ponies');
select ts_lexize('simple', 'Hello'), ts_lexize('simple', ''), ts_lexize('simple', 'ÉCOLE');
select ts_lexize('german_stem', 'Häuser'), ts_lexize('german_stem', 'und'), ts_lexize('french_stem', 'chevaux');
select ts_lexize('russian_stem', 'быстрые'), ts_lexize('russian_stem', 'и'), ts_lexize('danish_stem', 'løbende');
select ts_lexize('spanish_stem', 'corriendo'), ts_lexize('dutch_stem', 'lopen'), ts_lexize('swedish_stem', 'och');
select ts_lexize('greek_stem', 'τρέχοντας'), ts_lexize('hindi_stem', 'नमस्ते'), ts_lexize('turkish_stem', 've');
select ts_lexize('english_stem', repeat('ab', 600)) = array[repeat('ab', 600)];
select ts_lexize('english_stem', NULL), ts_lexize(NULL, 'x');
select ts_lexize('nosuch', 'x');
select ts_lexize('pg_catalog.english_stem', 'cats'), ts_lexize('"simple"', 'X'), ts_lexize(' Simple ', 'X');
select ts_lexize('public.simple', 'x');
select ts_lexize('nosuchschema.simple', 'x');
select ts_lexize('a.b.c', 'x');
select ts_lexize('"Simple"', 'x');
select ts_lexize(3765, 'Word');
-- regdictionary: input by name or OID, output by name
select 'english_stem'::regdictionary, 'english_stem'::regdictionary::oid, 3765::regdictionary, 13169::oid::regdictionary;
select '-'::regdictionary::oid, 0::regdictionary, 99999::regdictionary;
select 'nosuch'::regdictionary;
select pg_typeof('simple'::regdictionary), pg_typeof(array['simple'::regdictionary]);
select array['simple', 'english_stem']::regdictionary[];
select 'simple'::regdictionary = 3765;
select typname, typlen, typbyval, typcategory from pg_type where oid in (3769, 3770) order by oid;
-- ts_debug with a configuration
select * from ts_debug('english', 'The quick-brown fox <b>jumps</b> over http://x.org/a?b=1 at 1.5, v1.2.3 -3e4 42 user@mail.com');
select * from ts_debug('simple', 'The Quick-Brown fox &amp; self-driving co-operation x1y2 /usr/lib/libc.so foo_bar');
select * from ts_debug('german', 'Die schönen Häuser und ÉCOLE über');
select * from ts_debug('russian', 'быстрые лисы and foxes');
select * from ts_debug('french', 'les chevaux mangeaient');
select * from ts_debug('english', '');
select * from ts_debug('english', NULL);
select * from ts_debug(NULL, 'x');
select alias, token, dictionary, lexemes from ts_debug('english', '東京 中文 café naïve don''t');
select ts_debug('english', 'a b');
select (ts_debug('english', 'Cats')).lexemes;
select count(*), sum(array_length(lexemes, 1)) from ts_debug('english', repeat('running fox ', 500));
select * from ts_debug('nosuch', 'x');
-- ts_debug with the session's configuration
select * from ts_debug('Hello world, the end');
set default_text_search_config = 'pg_catalog.german';
select * from ts_debug('Die Häuser');
reset default_text_search_config;
select d.token, d.lexemes from ts_debug('english', 'cats and dogs') d where d.lexemes <> '{}' order by d.token;
