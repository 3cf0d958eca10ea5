-- has_*_privilege and pg_has_role: every form checks its object, user and privilege words as
-- PostgreSQL does (the superuser holds every privilege)
CREATE TABLE priv_t (a int, b text);
CREATE SEQUENCE priv_s;
CREATE SCHEMA priv_n;
SELECT has_table_privilege('priv_t', 'SELECT'), has_table_privilege('postgres', 'priv_t', 'insert, UPDATE'),
       has_table_privilege('priv_t'::regclass, 'DELETE WITH GRANT OPTION'),
       has_table_privilege('postgres', 'pg_class', 'select');
SELECT has_any_column_privilege('priv_t', 'SELECT'), has_column_privilege('priv_t', 'b', 'UPDATE'),
       has_column_privilege('priv_t', 2::int2, 'SELECT'), has_column_privilege('priv_t', 9::int2, 'SELECT'),
       has_column_privilege('postgres', 'priv_t', 'a', 'REFERENCES');
SELECT has_sequence_privilege('priv_s', 'USAGE'), has_schema_privilege('priv_n', 'CREATE'),
       has_schema_privilege('public', 'USAGE'), has_schema_privilege('postgres', 'pg_catalog', 'USAGE');
SELECT has_database_privilege(current_database(), 'CONNECT'), has_database_privilege('postgres', current_database(), 'CREATE, TEMP'),
       has_database_privilege('template1', 'TEMPORARY');
SELECT has_type_privilege('int4', 'USAGE'), has_type_privilege('text[]', 'USAGE'),
       has_tablespace_privilege('pg_default', 'CREATE'), has_language_privilege('sql', 'USAGE'),
       has_language_privilege('plpgsql', 'USAGE');
SELECT pg_has_role('postgres', 'MEMBER'), pg_has_role('postgres', 'postgres', 'USAGE');
SELECT has_function_privilege(oid, 'EXECUTE') FROM pg_proc WHERE proname = 'lower' AND proargtypes = '25';
-- an OID that names nothing: NULL
SELECT has_table_privilege(1::oid, 'SELECT'), has_schema_privilege(1::oid, 'USAGE'),
       has_database_privilege(123456789::oid, 'CONNECT'), has_column_privilege('priv_t'::regclass, 7::int2, 'SELECT');
-- errors
SELECT has_table_privilege('nosuch', 'SELECT');
SELECT has_table_privilege('priv_t', 'FLY');
SELECT has_table_privilege('nobody', 'priv_t', 'SELECT');
SELECT has_column_privilege('priv_t', 'zz', 'SELECT');
SELECT has_column_privilege('priv_t', 'a', 'DELETE');
SELECT has_sequence_privilege('priv_t', 'USAGE');
SELECT has_schema_privilege('nosuch', 'USAGE');
SELECT has_schema_privilege('public', 'SELECT');
SELECT has_database_privilege('nosuch', 'CONNECT');
SELECT has_type_privilege('nosuch', 'USAGE');
SELECT has_tablespace_privilege('nosuch', 'CREATE');
SELECT has_language_privilege('nosuch', 'USAGE');
SELECT pg_has_role('nobody', 'MEMBER');
SELECT pg_has_role('postgres', 'CREATE');
DROP TABLE priv_t;
DROP SEQUENCE priv_s;
DROP SCHEMA priv_n;
