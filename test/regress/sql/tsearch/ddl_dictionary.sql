-- CREATE / ALTER / DROP TEXT SEARCH DICTIONARY for the simple and snowball templates: options,
-- their errors, ts_lexize through user dictionaries, names in schemas, pg_ts_dict.

-- simple: stop words and accept
create text search dictionary simple_en (template = simple, stopwords = english);
select ts_lexize('simple_en', 'The'), ts_lexize('simple_en', 'Cats'), ts_lexize('simple_en', '');
create text search dictionary simple_reject (template = pg_catalog.simple, stopwords = 'english', accept = false);
select ts_lexize('simple_reject', 'the'), ts_lexize('simple_reject', 'Cats') is null as unknown;
create text search dictionary simple_plain (template = simple);
select ts_lexize('simple_plain', 'The'), ts_lexize('public.simple_plain', 'ÉCOLE');
create text search dictionary simple_num (template = simple, accept = 0);
create text search dictionary "Simple Quoted" (template = simple, "accept" = 1, stopwords = '');
select ts_lexize('"Simple Quoted"', 'X');
create text search dictionary simple_on (template = simple, Accept = 'off', STOPWORDS = french);
select ts_lexize('simple_on', 'Le'), ts_lexize('simple_on', 'chat');

-- snowball: a language (in any case), stop words of another
create text search dictionary en_stem (template = snowball, language = english, stopwords = english);
select ts_lexize('en_stem', 'Running'), ts_lexize('en_stem', 'the'), ts_lexize('en_stem', 'ponies');
create text search dictionary en_nostop (template = snowball, language = 'English');
select ts_lexize('en_nostop', 'the'), ts_lexize('en_nostop', 'caresses');
create text search dictionary fr_stem (template = snowball, language = french, stopwords = english);
select ts_lexize('fr_stem', 'the'), ts_lexize('fr_stem', 'chevaux'), ts_lexize('fr_stem', 'le');
create text search dictionary porter_stem (template = snowball, language = porter);
select ts_lexize('porter_stem', 'generously'), ts_lexize('porter_stem', 'running');
create text search dictionary ru_stem (template = snowball, language = russian, stopwords = russian);
select ts_lexize('ru_stem', 'книгами'), ts_lexize('ru_stem', 'и');

-- what pg_ts_dict keeps: the options as written
select dictname, dictnamespace::regnamespace, dictowner::regrole, dicttemplate, dictinitoption
from pg_ts_dict where dictnamespace <> 'pg_catalog'::regnamespace order by dictname;
select d.dictname, t.tmplname from pg_ts_dict d join pg_ts_template t on t.oid = d.dicttemplate
where d.dictname in ('en_stem', 'simple_en') order by 1;

-- the errors
create text search dictionary bad (stopwords = english);
create text search dictionary bad (template = nosuch);
create text search dictionary bad (template = public.simple);
create text search dictionary bad (template = nosuch.simple);
create text search dictionary bad (template = simple, foo = 1);
create text search dictionary bad (template = simple, stopwords = english, stopwords = french);
create text search dictionary bad (template = simple, accept = maybe);
create text search dictionary bad (template = simple, accept = 2);
create text search dictionary bad (template = simple, accept);
create text search dictionary bad (template = simple, accept = false, accept = true);
create text search dictionary bad (template = simple, stopwords = nosuch);
create text search dictionary bad (template = simple, stopwords = 'Bad/Name');
create text search dictionary bad (template = simple, stopwords = e'a\\b');
create text search dictionary bad (template = simple, stopwords = 1);
create text search dictionary bad (template = snowball);
create text search dictionary bad (template = snowball, stopwords = english);
create text search dictionary bad (template = snowball, language = klingon);
create text search dictionary bad (template = snowball, language = english, language = french);
create text search dictionary bad (template = snowball, language = english, "Language" = x);
create text search dictionary bad (template = snowball, language = english, stopwords = nosuch);
create text search dictionary bad (template = snowball, language);
create text search dictionary bad (template = simple, template = snowball);
create text search dictionary nosuch.bad (template = simple);
create text search dictionary simple_en (template = simple);
create text search dictionary simple (template = simple);
select count(*) from pg_ts_dict where dictname = 'bad';

-- dictionaries in another schema
create schema ts;
create text search dictionary ts.ts_stem (template = snowball, language = german, stopwords = german);
select ts_lexize('ts.ts_stem', 'Häuser'), ts_lexize('ts.ts_stem', 'und');
select ts_lexize('ts_stem', 'x');
select 'ts.ts_stem'::regdictionary, 'ts.ts_stem'::regdictionary::text, 'en_stem'::regdictionary;
set search_path = ts, public;
select 'ts_stem'::regdictionary, 'ts.ts_stem'::regdictionary, 'public.en_stem'::regdictionary;
select dictname, pg_ts_dict_is_visible(oid) from pg_ts_dict where dictname in ('ts_stem', 'en_stem', 'simple') order by 1, 2;
reset search_path;
select dictname, pg_ts_dict_is_visible(oid) from pg_ts_dict where dictname in ('ts_stem', 'en_stem', 'simple') order by 1, 2;
select 'nosuch.x'::regdictionary;
select 'ts.nosuch'::regdictionary;

-- ALTER: options replaced, added, removed; the dictionary works the new way at once
alter text search dictionary en_nostop (stopwords = english);
select ts_lexize('en_nostop', 'the');
select dictinitoption from pg_ts_dict where dictname = 'en_nostop';
alter text search dictionary en_nostop (language = dutch);
select dictinitoption from pg_ts_dict where dictname = 'en_nostop';
select ts_lexize('en_nostop', 'fietsen');
alter text search dictionary en_nostop (stopwords);
select dictinitoption from pg_ts_dict where dictname = 'en_nostop';
alter text search dictionary simple_num (accept = true, stopwords = english);
select dictinitoption from pg_ts_dict where dictname = 'simple_num';
alter text search dictionary en_nostop (language);
alter text search dictionary en_nostop (language = klingon);
alter text search dictionary en_nostop (foo = bar);
alter text search dictionary nosuch (stopwords = english);
alter text search dictionary nosuch.x (stopwords = english);
select dictinitoption from pg_ts_dict where dictname = 'en_nostop';

-- RENAME, SET SCHEMA, OWNER TO
alter text search dictionary en_nostop rename to nl_stem;
select ts_lexize('nl_stem', 'fietsen');
alter text search dictionary nl_stem rename to nl_stem;
alter text search dictionary nl_stem rename to en_stem;
alter text search dictionary nosuch rename to x;
alter text search dictionary nl_stem set schema ts;
select 'ts.nl_stem'::regdictionary;
alter text search dictionary ts.nl_stem set schema ts;
alter text search dictionary ts.nl_stem set schema nosuch;
create text search dictionary ts.simple_en (template = simple);
alter text search dictionary simple_en set schema ts;
alter text search dictionary simple_en owner to postgres;
alter text search dictionary nosuch owner to postgres;

-- COMMENT ON
comment on text search dictionary simple_en is 'simple, English stop words';
select obj_description('simple_en'::regdictionary, 'pg_ts_dict');
comment on text search dictionary simple_en is null;
select obj_description('simple_en'::regdictionary, 'pg_ts_dict');
comment on text search dictionary nosuch is 'x';

-- DROP
drop text search dictionary simple_plain;
select ts_lexize('simple_plain', 'x');
drop text search dictionary nosuch;
drop text search dictionary if exists nosuch, nosuch.x;
drop text search dictionary nosuch.x;
drop text search dictionary simple_num, "Simple Quoted" restrict;
drop text search dictionary simple;
drop text search dictionary ts.ts_stem, ts.nl_stem, ts.simple_en;
drop schema ts;
select dictname from pg_ts_dict where dictnamespace <> 'pg_catalog'::regnamespace order by 1;

-- a rollback takes a CREATE, ALTER and DROP back
begin;
create text search dictionary in_txn (template = simple, accept = false);
select ts_lexize('in_txn', 'x') is null as unknown;
alter text search dictionary en_stem (stopwords);
select ts_lexize('en_stem', 'the');
drop text search dictionary simple_en;
rollback;
select ts_lexize('in_txn', 'x');
select ts_lexize('en_stem', 'the'), ts_lexize('simple_en', 'the');

-- parsers and templates are PostgreSQL's own
select prsname, prsnamespace::regnamespace from pg_ts_parser;
select tmplname, tmplnamespace::regnamespace from pg_ts_template order by oid;
