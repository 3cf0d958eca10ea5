-- ts_headline: PostgreSQL 15's default-parser headlines — covers of & | ! and phrase queries,
-- prefixes, stop words, tags / URLs / hyphenated words, every option (StartSel, StopSel,
-- MaxWords, MinWords, ShortWord, HighlightAll, MaxFragments, FragmentDelimiter), the option
-- list syntax and its errors, empty documents and queries, long documents, several languages,
-- json and jsonb documents.
create table poem (id int primary key, body text);
insert into poem values (1, '
Day after day, day after day,
  We stuck, nor breath nor motion,
As idle as a painted Ship
  Upon a painted Ocean.
Water, water, every where
  And all the boards did shrink;
Water, water, every where,
  Nor any drop to drink.
S. T. Coleridge (1772-1834)
');
select ts_headline('english', body, to_tsquery('english', 'paint&water')) from poem;
select ts_headline('english', body, to_tsquery('english', 'breath&motion&water')) from poem;
select ts_headline('english', body, to_tsquery('english', 'ocean')) from poem;
select ts_headline('english', body, phraseto_tsquery('english', 'painted Ocean')) from poem;
select ts_headline('english', body, phraseto_tsquery('english', 'idle as a painted Ship')) from poem;
select ts_headline('english', body, to_tsquery('english', 'ocean'), 'MaxFragments=1') from poem;
select ts_headline('english', body, to_tsquery('english', 'Coleridge & stuck'), 'MaxFragments=2') from poem;
select ts_headline('english', body, to_tsquery('english', 'ocean & seahorse'), 'MaxFragments=1') from poem;
select ts_headline('english', body, to_tsquery('english', 'Coleridge & stuck'), 'MaxFragments=2,FragmentDelimiter=***') from poem;
select ts_headline('english', body, to_tsquery('english', 'day | water | drink'), 'MaxFragments=3, MaxWords=6, MinWords=2') from poem;
select ts_headline('english', body, to_tsquery('english', 'day | water | drink'), 'MaxFragments=10, MaxWords=3, MinWords=1, ShortWord=0') from poem;
select ts_headline('english', body, to_tsquery('english', 'water & !ocean')) from poem;
select ts_headline('english', body, to_tsquery('english', '!seahorse')) from poem;
select ts_headline('english', body, to_tsquery('english', 'wat:* <-> wat:*')) from poem;
select ts_headline('english', body, to_tsquery('english', 'day <2> day'), 'MaxWords=5, MinWords=2') from poem;
select ts_headline('english', body, to_tsquery('english', 'seahorse')) from poem;
select ts_headline('english', body, to_tsquery('english', 'seahorse'), 'MinWords=3, MaxWords=4') from poem;
select ts_headline('english', body, to_tsquery('english', 'drink'), 'HighlightAll=true') from poem;
select ts_headline('english', body, to_tsquery('english', 'drink'), 'MaxWords=4, MinWords=2, ShortWord=1') from poem;
select ts_headline('english', body, to_tsquery('english', 'coleridge'), 'MaxWords=3, MinWords=2') from poem;
select ts_headline('english', body, to_tsquery('english', 'day & coleridge'), 'MaxWords=10, MinWords=5') from poem;
select ts_headline('simple', body, to_tsquery('simple', 'a'), 'StartSel=[, StopSel=]') from poem;
-- PostgreSQL's own cases
select ts_headline('english', 'Lorem ipsum urna.  Nullam nullam ullamcorper urna.',
  to_tsquery('english','Lorem') && phraseto_tsquery('english','ullamcorper urna'), 'MaxWords=100, MinWords=1');
select ts_headline('english', 'Lorem ipsum urna.  Nullam nullam ullamcorper urna.',
  to_tsquery('english','Lorem') && phraseto_tsquery('english','ullamcorper urna'), 'MaxFragments=100, MaxWords=100, MinWords=1');
select ts_headline('english', '
<html>
<!-- some comment -->
<body>
Sea view wow <u>foo bar</u> <i>qq</i>
<a href="http://www.google.com/foo.bar.html" target="_blank">YES &nbsp;</a>
ff-bg
<script>
       document.write(15);
</script>
</body>
</html>',
to_tsquery('english', 'sea&foo'), 'HighlightAll=true');
select ts_headline('english', '<p>Sea view <b>wow</b> http://www.google.com/foo.bar.html ff-bg self-driving</p>',
  to_tsquery('english', 'sea | bg | self'));
select ts_headline('simple', '1 2 3 1 3'::text, '1 <-> 3', 'MaxWords=2, MinWords=1');
select ts_headline('simple', '1 2 3 1 3'::text, '1 & 3', 'MaxWords=4, MinWords=1');
select ts_headline('simple', '1 2 3 1 3'::text, '1 <-> 3', 'MaxWords=4, MinWords=1');
select ts_headline('simple', '1 2 3 1 3'::text, '1 <-> 3', 'MaxFragments=2, MaxWords=4, MinWords=1');
-- queries that name one lexeme twice, prefixes, weights (ignored by headlines)
select ts_headline('english', 'the cat sat on the cats mat', 'cat & cat'::tsquery);
select ts_headline('english', 'the cat sat on the cats mat', 'ca:* & ma:*'::tsquery);
select ts_headline('english', 'the cat sat on the cats mat', 'cat:A | mat:B'::tsquery);
select ts_headline('english', 'the cat sat on the cats mat', 'cat <-> sat'::tsquery);
select ts_headline('english', 'the cat sat on the cats mat', 'sat <3> mat'::tsquery);
select ts_headline('english', 'the cat sat on the cats mat', 'sat <-> (on | mat)'::tsquery);
-- empty documents and queries
select ts_headline('english', '', to_tsquery('english', ''));
select ts_headline('english', 'foo bar', to_tsquery('english', ''));
select ts_headline('english', '', to_tsquery('english', 'foo'));
select ts_headline('english', '   ', 'foo'::tsquery, 'MaxFragments=2');
select ts_headline('english', 'the and of', 'foo'::tsquery, 'MinWords=1, MaxWords=2');
-- the session's configuration, and untyped arguments
select ts_headline('The fat cats sat on the mat', to_tsquery('cat'));
select ts_headline('The fat cats sat on the mat', to_tsquery('cat'), 'StartSel=<em>, StopSel=</em>');
set default_text_search_config = 'pg_catalog.german';
select ts_headline('Die schönen Häuser am See', to_tsquery('haus'));
reset default_text_search_config;
select ts_headline('english', 'The fat cats sat on the mat', 'cat');
-- other languages
select ts_headline('german', 'Die schönen Häuser am See, und schöne Häuser in der Stadt', to_tsquery('german', 'Haus & schön'));
select ts_headline('russian', 'быстрые лисы прыгали через ленивых собак', to_tsquery('russian', 'собака'), 'StartSel=«, StopSel=»');
select ts_headline('french', 'les chevaux mangeaient des pommes; les chevaux dorment', to_tsquery('french', 'cheval <-> mang:*'));
select ts_headline('simple', '東京 中文 検索 東京 café naïve', to_tsquery('simple', '東京 | café'));
-- options: names in any case, quoted values, integers read back, booleans
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, 'startsel="<<", STOPSEL='' >>''');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, 'StartSel=E''\\x'', StopSel="y""z"');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, 'StartSel=007, StopSel=+1');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, 'StartSel=1.50, StopSel=true');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, '"StartSel" = [ ,, StopSel =]');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, 'MaxWords=" 3 ", MinWords=1');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, 'StartSel=, StopSel=.');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, '');
select ts_headline('english', 'a b c fox d e f', 'fox'::tsquery, NULL);
select ts_headline('english', 'the cat sat', 'cat'::tsquery, 'HighlightAll=1');
select ts_headline('english', 'the cat sat', 'cat'::tsquery, 'HighlightAll=yes, MinWords=0, MaxWords=0');
select ts_headline('english', 'the cat sat', 'cat'::tsquery, 'HighlightAll=no, MaxWords=2, MinWords=1');
select ts_headline('english', 'the cat <b>sat</b> http://x.org/a ff-bg', 'cat'::tsquery, 'HighlightAll=on, ShortWord=-1, MaxFragments=-1');
select ts_headline('english', 'the cat <b>sat</b> http://x.org/a ff-bg', 'cat'::tsquery, 'HighlightAll=t, MaxFragments=1');
-- option errors
select ts_headline('english', 'a b', 'a'::tsquery, 'MinWords=5, MaxWords=5');
select ts_headline('english', 'a b', 'a'::tsquery, 'MinWords=0');
select ts_headline('english', 'a b', 'a'::tsquery, 'MinWords=-2, MaxWords=3');
select ts_headline('english', 'a b', 'a'::tsquery, 'ShortWord=-1');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxFragments=-1');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords=abc');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords=1.5');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords=99999999999');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords=""');
select ts_headline('english', 'a b', 'a'::tsquery, 'Foo=1');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords=');
select ts_headline('english', 'a b', 'a'::tsquery, 'MaxWords 5');
select ts_headline('english', 'a b', 'a'::tsquery, 'StartSel="x');
select ts_headline('english', 'a b', 'a'::tsquery, 'StartSel=''x');
select ts_headline('english', 'a b', 'a'::tsquery, '"Start');
select ts_headline('english', 'foo barbar', to_tsquery('english', 'foo'), 'StartSel=' || repeat('x', 32768));
select ts_headline('english', 'foo barbar', to_tsquery('english', 'foo'), 'StopSel=' || repeat('x', 32768));
select ts_headline('english', 'foo barbar', to_tsquery('english', 'foo'), 'FragmentDelimiter=' || repeat('x', 32768));
select length(ts_headline('english', 'foo barbar', to_tsquery('english', 'foo'), 'StartSel=' || repeat('x', 32767)));
-- long documents
select ts_headline('english', repeat('lorem ipsum dolor sit amet ', 300) || 'the needle is here ' || repeat('consectetur adipiscing elit ', 300),
  to_tsquery('english', 'needle'));
select ts_headline('english', repeat('lorem ipsum dolor sit amet ', 300) || 'the needle is here ' || repeat('consectetur adipiscing elit ', 300),
  to_tsquery('english', 'needle & lorem'), 'MaxFragments=3, MaxWords=8, MinWords=3');
select ts_headline('english', repeat('lorem ipsum dolor sit amet ', 300) || 'the needle is here ' || repeat('consectetur adipiscing elit ', 300),
  to_tsquery('english', 'needle & elit'));
select ts_headline('english', repeat('lorem ipsum dolor sit amet ', 300) || 'needle ' || repeat('consectetur adipiscing elit ', 300) || 'haystack',
  to_tsquery('english', 'needle & haystack'));
select length(ts_headline('english', repeat('water fire ', 5000), to_tsquery('english', 'water <-> fire'), 'HighlightAll=true'));
select ts_headline('english', 'x ' || repeat('y', 3000) || ' fox z', to_tsquery('english', 'fox'));
-- json and jsonb: each string value (not the keys) through the headline, positions numbered
-- on from one string to the next; json comes back compact, jsonb canonical
select ts_headline('english', '{"a" :  "fox dog", "fox":[1, "x fox", {"k": "the fox"}], "n": null, "t": true, "e": 1.50e3}'::json, 'fox'::tsquery);
select ts_headline('english', '{"a" :  "fox dog", "fox":[1, "x fox", {"k": "the fox"}], "n": null}'::jsonb, 'fox'::tsquery, 'MaxWords=2, MinWords=1');
select ts_headline('english', '["fox", "cat", "dog fox"]'::jsonb, 'fox <-> dog'::tsquery);
select ts_headline('english', '["the fox", "dog"]'::jsonb, 'fox <-> dog'::tsquery);
select ts_headline('english', '"a\u0041\n\"x\" fox"'::json, 'fox'::tsquery, 'MaxWords=4, MinWords=1');
select ts_headline('english', '{"\u0041": "fox <b>"}'::json, 'fox'::tsquery);
select ts_headline('{"a":[{"b":"fox"}, "fox"], "a":"cat fox"}'::json, 'fox'::tsquery);
select ts_headline('{"a":[{"b":"fox"}, "fox"], "a":"cat fox"}'::jsonb, 'fox'::tsquery, 'StartSel=<<, StopSel=>>');
select ts_headline('"x"'::jsonb, 'x'::tsquery), ts_headline('null'::json, 'x'::tsquery), ts_headline(' 5 '::json, 'x'::tsquery);
select ts_headline('english', '{"body": "Day after day, day after day, we stuck, nor breath nor motion"}'::jsonb,
  to_tsquery('english', 'day & motion'), 'MaxFragments=2, MaxWords=4, MinWords=1');
-- option values are only read when there is a string; the list's syntax always
select ts_headline('english', '[1,2]'::jsonb, 'fox'::tsquery, 'MaxWords=2, MinWords=3');
select ts_headline('english', '[1,"a"]'::jsonb, 'fox'::tsquery, 'MaxWords=2, MinWords=3');
select ts_headline('english', '[1,2]'::json, 'fox'::tsquery, 'MaxWords');
select ts_headline('{"a": "fox"}'::json, to_tsquery('english', 'fox'), 'MaxWords=5');
drop table poem;
