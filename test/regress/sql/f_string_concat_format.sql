-- concat, concat_ws, ||, format, quoting
SELECT 'a' || 'b', 'a' || NULL, 'n=' || 1, 1 || '=n', 'b' || true, concat('a', NULL, 2, false), concat_ws(',', 'a', NULL, 'b'), concat_ws(NULL, 'a');
SELECT format('%s is %s', 'x', 42), format('%I.%I', 'my schema', 'tbl'), format('%L', 'O''Reilly'), format('%L', 12), format('%%'), format('%3$s-%1$s', 'a', 'b', 'c');
SELECT quote_ident('abc'), quote_ident('ABC'), quote_ident('a"b'), quote_literal('x''y'), quote_literal(42), quote_nullable(NULL);
SELECT md5(''), md5('hello'), to_hex(255), to_hex(-1);
-- errors
SELECT format('%s %s', 'only one');
SELECT format('%z', 1);
SELECT format('%I', NULL);
