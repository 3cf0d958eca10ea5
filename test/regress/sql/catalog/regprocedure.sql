-- regprocedure: a function named with its argument types, as pg_dump and has_function_privilege
-- take it.
SELECT 'lower(text)'::regprocedure, 'substr(text,integer)'::regprocedure, 'pg_catalog.now()'::regprocedure;
SELECT 'LOWER ( TEXT )'::regprocedure, 'substr(text, int4)'::regprocedure, 'pg_catalog.format(text,"any")'::regprocedure;
SELECT 'array_cat(anycompatiblearray,anycompatiblearray)'::regprocedure, 'round(numeric, integer)'::regprocedure;
SELECT 'to_char(timestamp with time zone,text)'::regprocedure, 'left(text,int)'::regprocedure;
SELECT 1::regprocedure, 0::regprocedure, '-'::regprocedure, 870::regprocedure::oid;
SELECT 'abs(integer)'::regprocedure::regproc, 'lower(text)'::regprocedure::oid::regprocedure;
SELECT pg_typeof('lower(text)'::regprocedure), '{lower(text),upper(text)}'::regprocedure[];
SELECT 'lower(text)'::regprocedure = 'lower(text)'::regprocedure, 'lower(text)'::regprocedure = 'upper(text)'::regprocedure;
SELECT p.oid::regprocedure FROM pg_proc p WHERE p.oid IN ('md5(text)'::regprocedure, 'btrim(text)'::regprocedure) ORDER BY 1;
SELECT typname, typlen, typbyval, typcategory, typarray FROM pg_type WHERE typname IN ('regprocedure', '_regprocedure') ORDER BY 1;
-- errors
SELECT 'lower'::regprocedure;
SELECT 'lower(int)'::regprocedure;
SELECT 'nosuch(int)'::regprocedure;
SELECT 'lower(nosuchtype)'::regprocedure;
SELECT 'lower(text'::regprocedure;
SELECT 'lower(text) x'::regprocedure;
SELECT 'x.lower(text)'::regprocedure;
SELECT 'a.b.c.lower(text)'::regprocedure;
-- has_function_privilege by signature or OID
SELECT has_function_privilege('lower(text)', 'execute'), has_function_privilege('postgres', 'abs(integer)', 'EXECUTE'),
       has_function_privilege('lower(text)'::regprocedure::oid, 'execute'), has_function_privilege(999999, 'execute');
SELECT has_function_privilege('lower(int)', 'execute');
SELECT has_function_privilege('lower', 'execute');
SELECT has_function_privilege('lower(text)', 'select');
