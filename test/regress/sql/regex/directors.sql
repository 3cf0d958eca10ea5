-- A pattern's directors and embedded options: ***= (a literal string), ***: (ARE), (?i) and
-- (?c) (case), (?q) (literal); with ~, ~*, substring, regexp_replace and regexp_match.
select 'a.b' ~ '***=a.b', 'axb' ~ '***=a.b', 'a.b' ~ '***:a.b', 'axb' ~ '***:a.b';
select 'ABC' ~ '(?i)abc', 'ABC' ~ '(?c)abc', 'ABC' ~* '(?c)abc', 'abc' ~* '(?i)ABC';
select 'a+b' ~ '(?q)a+b', 'aab' ~ '(?q)a+b', '(?q)' ~ '***=(?q)';
select 'A.B*C' ~* '***=a.b*c', 'x***=y' ~ 'x\*\*\*=y';
select substring('foo.bar' from '***=.b'), regexp_replace('a.b.c', '***=.', '-', 'g');
select regexp_match('Hello World', '(?i)(w\w+)'), regexp_match('Hello World', '(?c)(w\w+)');
select 'x' ~ '(?i', 'x' ~ '***=';
