-- pg_trgm's functions and operators: trigrams of words (lower-cased, padded), multibyte
-- characters (trigrams hashed), similarity, word_similarity, strict_word_similarity, the
-- threshold operators and the distances, the pg_trgm.* settings and the deprecated
-- set_limit / show_limit.
create extension pg_trgm;
select show_trgm('');
select show_trgm('a');
select show_trgm('ab');
select show_trgm('Hello, World!');
select show_trgm('  CamelCase  and_snake_case 42 x1y2 ');
select show_trgm('café naïve Straße İstanbul');
select show_trgm('東京 検索 ελλάδα быстрые 😀');
select show_trgm('a-b.c/d');
select similarity('word', 'word'), similarity('word', 'words'), similarity('word', 'two words');
select similarity('', ''), similarity('', 'x'), similarity('!!', '??');
select similarity('PostgreSQL', 'postgres'), similarity('Straße', 'strasse'), similarity('東京都', '東京');
select word_similarity('word', 'two words'), word_similarity('two words', 'word');
select word_similarity('cat', 'concatenate'), strict_word_similarity('cat', 'concatenate');
select word_similarity('word', 'a bird, a ward and a word'), strict_word_similarity('word', 'a bird, a ward and a word');
select strict_word_similarity('hello world', 'say hello to the world'), word_similarity('hello world', 'say hello to the world');
select word_similarity('', 'abc'), word_similarity('abc', ''), strict_word_similarity('', '');
select 'word' % 'words', 'word' % 'two words', 'abc' % 'xyz';
select 'word' <% 'two words', 'two words' %> 'word', 'word' <<% 'two words', 'two words' %>> 'word';
select 'cat' <% 'concatenate', 'cat' <<% 'concatenate';
select 'word' <-> 'words', 'word' <<-> 'two words', 'two words' <->> 'word';
select 'word' <<<-> 'two words', 'two words' <->>> 'word', '' <-> '';
select similarity_op('word', 'words'), similarity_dist('a', 'b'),
       word_similarity_op('word', 'two words'), word_similarity_commutator_op('two words', 'word'),
       word_similarity_dist_op('word', 'two words'), word_similarity_dist_commutator_op('two words', 'word'),
       strict_word_similarity_op('word', 'two words'), strict_word_similarity_commutator_op('two words', 'word'),
       strict_word_similarity_dist_op('word', 'two words'), strict_word_similarity_dist_commutator_op('two words', 'word');
select similarity(null, 'a'), 'a' % null, show_trgm(null) is null;
-- The thresholds.
show pg_trgm.similarity_threshold;
show pg_trgm.word_similarity_threshold;
show pg_trgm.strict_word_similarity_threshold;
set pg_trgm.similarity_threshold = 0.6;
select 'word' % 'words', show_limit();
select set_limit(0.25), show_limit(), current_setting('pg_trgm.similarity_threshold');
select 'word' % 'two words';
set pg_trgm.word_similarity_threshold = 0.9;
select 'word' <% 'two words', 'wor' <% 'two words';
set pg_trgm.strict_word_similarity_threshold = 0.1;
select 'cat' <<% 'concatenate';
reset pg_trgm.similarity_threshold;
reset pg_trgm.word_similarity_threshold;
reset pg_trgm.strict_word_similarity_threshold;
select name, setting, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, boot_val, reset_val
from pg_settings where name like 'pg_trgm.%' order by name;
-- Errors.
set pg_trgm.similarity_threshold = 1.5;
set pg_trgm.similarity_threshold = -0.1;
set pg_trgm.word_similarity_threshold = 'high';
select set_limit(2);
select similarity('a');
select show_trgm(1);
-- Over a table.
create table words (w text);
insert into words values ('apple'), ('apples'), ('applesauce'), ('pineapple'), ('grape'), ('grapefruit'), ('Apple Pie'), (null), ('');
select w, similarity(w, 'apple') as sml, w <-> 'apple' as dist from words where w % 'apple' order by dist, w;
select w, word_similarity('apple', w) from words where 'apple' <% w order by 2 desc, w;
select w, strict_word_similarity('apple', w) from words where 'apple' <<% w order by 2 desc, w;
select w from words order by w <-> 'grape', w limit 3;
