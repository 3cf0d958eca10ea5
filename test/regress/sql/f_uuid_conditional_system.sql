-- uuid, conditional and system functions
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
SELECT length(gen_random_uuid()::text), gen_random_uuid() <> gen_random_uuid(), pg_typeof(uuid_generate_v4());
SELECT coalesce(NULL, 2, 3), coalesce(NULL::text, NULL), nullif(5, 5), nullif(5, 6), greatest(1, NULL, 3), least('b', 'a'), greatest(1.5, 2), least(NULL::int, NULL);
SELECT current_user, session_user, current_schema, current_schema(), current_database() IS NOT NULL, pg_backend_pid() > 0;
SELECT pg_typeof(1::int2), pg_typeof('x'::varchar(3)), pg_typeof(ARRAY[1]), pg_typeof(NULL), pg_typeof(1.5::real), pg_typeof('2024-01-01'::date - 1);
SELECT version() ~ '^PostgreSQL 15', txid_current() > 0, current_setting('TimeZone');
-- errors
SELECT coalesce(1, 'a');
SELECT greatest(1, 'x');
SELECT nullif(1, 'b');
