-- CREATE / ALTER / DROP TEXT SEARCH CONFIGURATION: empty and copied configurations, every
-- form of ALTER MAPPING, text through them (to_tsvector, the to_tsquery family, ts_headline,
-- ts_debug), regconfig, default_text_search_config, the catalogs psql's \dF reads, and the
-- dependency of a configuration on its dictionaries.
create text search dictionary my_stop (template = simple, stopwords = english, accept = false);
create text search dictionary my_stem (template = snowball, language = english);

-- an empty configuration maps nothing
create text search configuration my_conf (parser = default);
select to_tsvector('my_conf', 'The cats are running');
select count(*) from pg_ts_config_map where mapcfg = 'my_conf'::regconfig;
alter text search configuration my_conf add mapping for asciiword, word with my_stop, my_stem;
select to_tsvector('my_conf', 'The cats are running fast, 123 times');
select to_tsquery('my_conf', 'the & running'), plainto_tsquery('my_conf', 'The running cats'),
       phraseto_tsquery('my_conf', 'cats are running'), websearch_to_tsquery('my_conf', '"the cats" or dogs -mice');
select ts_headline('my_conf', 'The cats are running home', to_tsquery('my_conf', 'run'));
select * from ts_debug('my_conf', 'The cats 12');
select to_tsvector('my_conf', 'The cats') @@ to_tsquery('my_conf', 'cat');
select maptokentype, mapseqno, mapdict::regdictionary from pg_ts_config_map
where mapcfg = 'my_conf'::regconfig order by 1, 2;

-- parser spelled in full; COPY of a built-in and of a user configuration
create text search configuration my_conf2 (parser = pg_catalog.default);
create text search configuration my_english (copy = english);
select to_tsvector('my_english', 'The cats are running') = to_tsvector('english', 'The cats are running') as same;
select count(*) from pg_ts_config_map where mapcfg = 'my_english'::regconfig;
create text search configuration my_copy (copy = public.my_conf);
select to_tsvector('my_copy', 'The cats are running');

-- ALTER MAPPING FOR ... WITH replaces the token types' dictionaries (or maps them anew)
alter text search configuration my_english alter mapping for asciiword with simple;
select to_tsvector('my_english', 'The cats are running');
alter text search configuration my_english alter mapping for url, asciiword with my_stop, english_stem;
select to_tsvector('my_english', 'The cats are running');
-- REPLACE, for every token type or some
alter text search configuration my_english alter mapping replace english_stem with my_stem;
select to_tsvector('my_english', 'The cats ran, skies');
alter text search configuration my_english alter mapping for asciiword replace my_stem with simple;
select maptokentype, mapseqno, mapdict::regdictionary from pg_ts_config_map
where mapcfg = 'my_english'::regconfig and maptokentype in (1, 2, 3, 4, 6) order by 1, 2;
alter text search configuration my_english alter mapping replace nosuch with simple;
-- DROP MAPPING
alter text search configuration my_english drop mapping for url, url;
alter text search configuration my_english drop mapping for url;
alter text search configuration my_english drop mapping if exists for url, email;
select to_tsvector('my_english', 'mail me at a@b.com');
-- errors
alter text search configuration my_english add mapping for nosuch with simple;
alter text search configuration my_english alter mapping for asciiword with nosuch;
alter text search configuration my_english alter mapping for asciiword with nosuch.d;
alter text search configuration nosuch add mapping for word with simple;
alter text search configuration nosuch.c add mapping for word with simple;
\set VERBOSITY terse
alter text search configuration my_conf add mapping for asciiword with simple;
alter text search configuration my_conf add mapping for word, word, asciiword with simple;
\set VERBOSITY default
create text search configuration bad (parser = nosuch);
create text search configuration bad (parser = public.default);
create text search configuration bad (copy = nosuch);
create text search configuration bad (parser = default, copy = english);
create text search configuration bad (foo = bar);
create text search configuration bad (copy = english, foo = bar);
create text search configuration nosuch.bad (parser = default);
create text search configuration my_conf (parser = default);
select count(*) from pg_ts_config where cfgname = 'bad';

-- regconfig and visibility
create schema ts;
create text search configuration ts.ts_conf (copy = my_conf);
select 'ts.ts_conf'::regconfig, 'my_conf'::regconfig, 'public.my_conf'::regconfig;
select 'ts_conf'::regconfig;
select to_tsvector('ts.ts_conf', 'The running cats');
set search_path = ts, public;
select 'ts_conf'::regconfig, 'ts.ts_conf'::regconfig, 'public.my_conf'::regconfig;
select cfgname, pg_ts_config_is_visible(oid) from pg_ts_config where cfgname in ('ts_conf', 'my_conf', 'english') order by 1;
create text search configuration ts.english (copy = simple);
select 'english'::regconfig, 'ts.english'::regconfig, to_tsvector('english', 'The cats');
set search_path = ts, pg_catalog, public;
select 'english'::regconfig, to_tsvector('english', 'The cats');
reset search_path;
select 'ts.english'::regconfig, pg_ts_config_is_visible('ts.english'::regconfig);
select 'nosuch.english'::regconfig;
select 'a.b.c.d'::regconfig;

-- default_text_search_config names a user configuration, kept schema-qualified
set default_text_search_config = 'my_conf';
show default_text_search_config;
select get_current_ts_config(), to_tsvector('The cats are running'), plainto_tsquery('The running cats');
select 'The cats are running' @@ 'cat'::tsquery;
set default_text_search_config = 'ts.ts_conf';
show default_text_search_config;
set default_text_search_config = 'nosuch';
set default_text_search_config = 'nosuch.my_conf';
show default_text_search_config;
drop text search configuration ts.ts_conf;
select to_tsvector('The cats');
reset default_text_search_config;

-- RENAME, SET SCHEMA, OWNER TO, COMMENT ON
alter text search configuration my_conf2 rename to my_conf3;
alter text search configuration my_conf3 rename to my_conf;
alter text search configuration my_conf3 rename to my_conf3;
alter text search configuration nosuch rename to x;
alter text search configuration my_conf3 set schema ts;
select 'ts.my_conf3'::regconfig;
alter text search configuration ts.my_conf3 set schema ts;
alter text search configuration ts.my_conf3 set schema nosuch;
alter text search configuration my_copy set schema ts;
alter text search configuration ts.my_conf3 set schema public;
alter text search configuration ts.nosuch set schema public;
alter text search configuration my_conf owner to postgres;
alter text search configuration nosuch owner to postgres;
comment on text search configuration my_conf is 'mine';
select obj_description('my_conf'::regconfig, 'pg_ts_config'), obj_description('english'::regconfig, 'pg_ts_config');
comment on text search configuration nosuch is 'x';

-- what psql's \dF, \dF+, \dFd+ and \dFp show
SELECT
   n.nspname as "Schema",
   c.cfgname as "Name",
   pg_catalog.obj_description(c.oid, 'pg_ts_config') as "Description"
FROM pg_catalog.pg_ts_config c
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
WHERE pg_catalog.pg_ts_config_is_visible(c.oid)
ORDER BY 1, 2;
SELECT c.cfgname,
   n.nspname,
   p.prsname,
   np.nspname as pnspname
FROM pg_catalog.pg_ts_config c
   LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace,
 pg_catalog.pg_ts_parser p
   LEFT JOIN pg_catalog.pg_namespace np ON np.oid = p.prsnamespace
WHERE  p.oid = c.cfgparser
  AND c.cfgname OPERATOR(pg_catalog.~) '^(my_english)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_ts_config_is_visible(c.oid)
ORDER BY 3, 2;
-- (\dF+'s token list, as a join: its own query, a correlated subquery over grouped rows, reads
-- outer columns wrongly in Tusk yet)
SELECT t.alias AS "Token",
  string_agg(m.mapdict::pg_catalog.regdictionary::text, ',' ORDER BY m.mapseqno) AS "Dictionaries"
FROM pg_catalog.pg_ts_config_map m JOIN pg_catalog.ts_token_type('default') t ON t.tokid = m.maptokentype
WHERE m.mapcfg = 'my_english'::regconfig
GROUP BY t.alias
ORDER BY 1;
SELECT
  n.nspname as "Schema",
  d.dictname as "Name",
  ( SELECT COALESCE(nt.nspname, '(null)')::pg_catalog.text || '.' || t.tmplname FROM
    pg_catalog.pg_ts_template t
    LEFT JOIN pg_catalog.pg_namespace nt ON nt.oid = t.tmplnamespace
    WHERE d.dicttemplate = t.oid ) AS  "Template",
  d.dictinitoption as "Init options",
  pg_catalog.obj_description(d.oid, 'pg_ts_dict') as "Description"
FROM pg_catalog.pg_ts_dict d
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
WHERE pg_catalog.pg_ts_dict_is_visible(d.oid)
ORDER BY 1, 2;
SELECT
  n.nspname as "Schema",
  p.prsname as "Name",
  pg_catalog.obj_description(p.oid, 'pg_ts_parser') as "Description"
FROM pg_catalog.pg_ts_parser p
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
WHERE pg_catalog.pg_ts_parser_is_visible(p.oid)
ORDER BY 1, 2;
SELECT
  n.nspname as "Schema",
  t.tmplname as "Name",
  pg_catalog.obj_description(t.oid, 'pg_ts_template') as "Description"
FROM pg_catalog.pg_ts_template t
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
WHERE pg_catalog.pg_ts_template_is_visible(t.oid)
ORDER BY 1, 2;

-- a dictionary a configuration maps cannot go without it
drop text search dictionary my_stem;
drop text search dictionary my_stem restrict;
drop text search dictionary my_stop cascade;
select cfgname from pg_ts_config where cfgnamespace <> 'pg_catalog'::regnamespace order by 1;
create text search dictionary d1 (template = simple);
create text search configuration c1 (parser = default);
create text search configuration c2 (parser = default);
alter text search configuration c1 add mapping for word with d1;
alter text search configuration c2 add mapping for word with d1;
drop text search dictionary d1;
drop text search dictionary d1 cascade;
drop text search configuration c1;
drop text search configuration if exists c1, nosuch;
drop text search configuration nosuch;
drop text search configuration simple;

-- a rollback takes DDL back
begin;
create text search configuration in_txn (copy = english);
alter text search configuration in_txn alter mapping for asciiword with simple;
select to_tsvector('in_txn', 'The Cats');
alter text search configuration my_conf3 add mapping for asciiword with simple;
select to_tsvector('my_conf3', 'The Cats');
rollback;
select to_tsvector('in_txn', 'The Cats');
select to_tsvector('my_conf3', 'The Cats');
