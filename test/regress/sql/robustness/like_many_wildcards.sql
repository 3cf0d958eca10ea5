-- LIKE with many % over long text: a match that fails must not try every split of the text
-- (PostgreSQL gives up once the text runs out; this took minutes when it did not).
SELECT repeat('a', 20000) LIKE '%a%a%a%a%a%a%a%a%a%a%b';
SELECT repeat('a', 20000) ILIKE '%A%A%A%A%A%A%A%A%A%A%B';
SELECT repeat('ab', 10000) LIKE '%a%b%a%b%a%b%a%b%c%';
SELECT repeat('a', 20000) || 'b' LIKE '%a%a%a%a%a%a%a%a%a%a%b';
SELECT repeat('é', 5000) LIKE '%é%é%é%é%é%é%x';
-- _ after %, escapes after %, the text running out first
SELECT 'abc' LIKE '%_c', 'ab' LIKE '%__%', 'a' LIKE '%__%', 'abc' LIKE 'abc%\', 'a%c' LIKE '%\%c';
SELECT 'abc' LIKE 'abc%%%', 'abc' LIKE 'abc_', 'é' LIKE '_', 'éa' LIKE '%a', 'aé' LIKE '%_';
SELECT 'ab' LIKE 'a%\';
