-- regular expressions (~, SIMILAR TO, regexp_*), array operators and functions
select 'abc' ~ 'b', 'abc' ~ '^b', 'ABC' ~* 'b', 'abc' !~ 'z', 'abc' !~* 'B';
select 'foobar' ~ 'o{2}', 'a1b22c333' ~ '[0-9]+$', 'x.y' ~ '\.';
select regexp_replace('Hello World', 'o', '0'), regexp_replace('Hello World', 'o', '0', 'g'), regexp_replace('John Smith', '(\w+) (\w+)', '\2, \1');
select regexp_replace('aaa', 'A', 'b', 'gi'), regexp_replace('price: $10', '\$(\d+)', '\1 dollars');
select regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobarbequebaz', '(bar)(beque)'), regexp_match('abc', 'z');
select regexp_matches('a1b2c3', '[0-9]', 'g');
select regexp_matches('a1b2', '([a-z])([0-9])');
select * from regexp_split_to_table('hello world  foo', '\s+');
select regexp_split_to_array('a,b,,c', ','), regexp_split_to_array('abc', '');
select 'abc' similar to 'abc', 'abc' similar to 'a%', 'abc' similar to '_b_', 'abc' similar to '(a|x)bc', 'abc' not similar to 'b%';
select array[1,2,3] @> array[2,3], array[1,2] <@ array[1,2,3], array[1,2] && array[3,4], array[1,2] && array[2,9];
select array_append(array[1,2], 3), array_prepend(0, array[1,2]), array_cat(array[1], array[2,3]), array_remove(array[1,2,1,3], 1);
select array_replace(array[1,2,1], 1, 9), array_position(array['a','b','c'], 'b'), array_positions(array[1,2,1], 1), array_position(array[1], 5);
select array_append(null::int[], 1), array_remove(null::int[], 1);
select regexp_count('banana', 'an');
select 'abc' ~ '(';
select regexp_replace('a', 'a', 'b', 'z');
