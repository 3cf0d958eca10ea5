-- padding, trimming, replacing
SELECT lpad('7', 3, '0'), lpad('hello', 3), rpad('ab', 6, 'xy'), lpad('x', 4), rpad('', 2, '*'), lpad('abc', 0);
SELECT trim('  a b  ') || '|', trim(leading 'x' from 'xxaxx'), trim(trailing 'x' from 'xxaxx'), trim(both 'xy' from 'xyaxy'), ltrim('  a'), rtrim('a  ') || '|';
SELECT btrim('xxhixx', 'x'), replace('hello world', 'o', '0'), replace('aaa', 'a', ''), replace('abc', '', 'x'), translate('hello', 'el', 'ip'), translate('abc', 'b', '');
SELECT split_part('a,b,c', ',', 1), split_part('a,b,c', ',', 3), split_part('a,b,c', ',', 4), split_part('a,b,c', ',', -1), split_part('abc', '', 1);
-- errors
SELECT split_part('a,b', ',', 0);
SELECT lpad('a', 'x');
