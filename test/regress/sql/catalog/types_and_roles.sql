-- pg_type, pg_enum, pg_roles, pg_authid, pg_user, pg_database and the OID alias types.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SCHEMA app;
CREATE TYPE app.level AS ENUM ('low', 'high');
SELECT oid, typname, typlen, typbyval, typtype, typcategory, typispreferred, typelem, typarray, typalign, typstorage, typcollation
FROM pg_type WHERE oid IN (16, 17, 18, 19, 20, 21, 22, 23, 25, 26, 30, 114, 700, 701, 1042, 1043, 1082, 1083, 1114, 1184, 1186, 1700, 2950, 3802, 1007, 1009, 1015)
ORDER BY oid;
SELECT t.typname, t.typtype, t.typcategory, t.typlen, n.nspname, e.typname AS array_type, e.typcategory AS array_category
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_type e ON e.oid = t.typarray
WHERE t.typname IN ('mood', 'level') ORDER BY 1;
SELECT enumtypid::regtype, enumsortorder, enumlabel FROM pg_enum ORDER BY 1::text, 2;
SELECT 'mood'::regtype, 'app.level'::regtype, 'mood[]'::regtype, '_int4'::regtype, 'int4'::regtype, 'character varying(10)'::regtype,
       '"char"'::regtype, 'char'::regtype, 'double precision'::regtype, 'timestamptz'::regtype;
SELECT 'nosuch'::regtype;
SELECT 'nosuch'::regclass;
SELECT 'nosuch'::regnamespace;
SELECT 'nosuch'::regrole;
SELECT 0::regclass, 0::regtype, 999999::regclass, 23::regtype, 1007::regtype, 11::regnamespace, 10::regrole, 6171::regrole;
SELECT pg_typeof(1::regclass), pg_typeof('int4'::regtype), pg_typeof(pg_typeof(1)), pg_typeof(array[1]), pg_typeof('mood'::regtype);
SELECT format_type(0, NULL), format_type(1043, 24), format_type(1700, 655366), format_type(1015, 24), format_type(23, NULL), format_type('mood'::regtype, -1),
       format_type(NULL, 1), format_type(999999, NULL);
SET search_path = public;
SELECT 'app.level'::regtype, pg_type_is_visible('app.level'::regtype), pg_type_is_visible('mood'::regtype), pg_type_is_visible(23);
SET search_path = app, public;
SELECT 'level'::regtype, pg_type_is_visible('level'::regtype);
RESET search_path;
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolbypassrls, rolconnlimit, rolpassword
FROM pg_roles ORDER BY 1;
SELECT m.roleid::regrole, m.member::regrole FROM pg_auth_members m ORDER BY 2::text;
SELECT usename, usecreatedb, usesuper, userepl, usebypassrls, passwd FROM pg_user;
SELECT rolname FROM pg_authid WHERE rolsuper;
SELECT pg_get_userbyid(10), pg_get_userbyid(6171), pg_get_userbyid(424242);
SELECT datname = current_database(), pg_encoding_to_char(encoding), datlocprovider, datallowconn, datconnlimit FROM pg_database WHERE datname = current_database();
SELECT pg_encoding_to_char(6), pg_encoding_to_char(0), pg_encoding_to_char(9999), pg_is_in_recovery();
SELECT obj_description('pg_class'::regclass, 'pg_class'), col_description('pg_class'::regclass, 1);
SELECT ARRAY(SELECT enumlabel FROM pg_enum WHERE enumtypid = 'mood'::regtype ORDER BY enumsortorder);
SELECT ARRAY(SELECT 1 WHERE false), ARRAY(SELECT x FROM (VALUES (2), (NULL), (1)) v(x));
SELECT ARRAY(SELECT 1, 2);
-- OID 0 prints as "-", and "-" reads back as 0
SELECT '-'::regclass::oid, '-'::regtype::oid, '-'::regnamespace::oid, '-'::regrole::oid, ARRAY[0, 1259]::regclass[];
-- enum_first, enum_last, enum_range
SELECT enum_first(NULL::mood), enum_last(NULL::mood), enum_range(NULL::mood), enum_range('ok'::mood, NULL), enum_range(NULL, 'ok'::mood),
       enum_range('ok'::mood, 'happy'::mood), enum_range('happy'::mood, 'sad'::mood);
SELECT enum_range(NULL::app.level), pg_typeof(enum_first(NULL::mood)), pg_typeof(enum_range(NULL::mood));
SELECT enum_first(1);
SELECT array_to_string(enum_range(NULL::mood), ', ');
