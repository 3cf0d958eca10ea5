-- The function catalogs as psql and drivers read them: pg_proc, pg_operator, pg_cast,
-- pg_language, regproc, and the pg_get_function_* family.
CREATE EXTENSION "uuid-ossp";

-- \df lists functions outside pg_catalog: here the extension's
\df
\df+ uuid_generate_v3
\df uuid_ns*
\dfS now
\dfS+ concat_ws
\dfS generate_series
\dfS format
\da count
\da stddev*
\dfw row_number
\dfw lag
\do - integer integer
\do+ || text text

-- regproc reads and prints names; overloaded names are ambiguous
SELECT 'uuid_generate_v4'::regproc, 'pg_catalog.now'::regproc, 'concat_ws'::regproc::oid;
SELECT 1397::regproc, 0::regproc, '-'::regproc::oid;
SELECT 'abs'::regproc;
SELECT 'no_such_function'::regproc;
SELECT 'no_such_schema.now'::regproc;
SELECT 'a.b.c'::regproc;
SELECT 'postgres.pg_catalog.now'::regproc;
SELECT 'a.b.c.d'::regproc;

-- the rows drivers and tools read
SELECT p.proname, p.pronargs, p.prorettype::regtype, p.proargtypes, p.provolatile, p.proisstrict, p.prokind,
       p.proretset, p.pronargdefaults, l.lanname, n.nspname
FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.proname IN ('now', 'concat_ws', 'generate_series', 'count', 'row_number', 'make_interval', 'uuid_generate_v5')
ORDER BY p.proname, p.proargtypes::text;
SELECT proname, proargnames, proargmodes, proallargtypes FROM pg_proc WHERE proname IN ('make_interval', 'uuid_generate_v3', 'pg_options_to_table') ORDER BY 1;
SELECT pg_get_function_arguments('make_interval'::regproc), pg_get_function_result('make_interval'::regproc),
       pg_get_function_identity_arguments('make_interval'::regproc);
SELECT pg_get_function_result(0), pg_get_function_arguments(0), pg_function_is_visible(0);
SELECT pg_function_is_visible('uuid_nil'::regproc), obj_description('now'::regproc, 'pg_proc');
SELECT o.oprname, o.oprkind, o.oprleft::regtype, o.oprright::regtype, o.oprresult::regtype, o.oprcode,
       com.oprname AS commutator, neg.oprname AS negator, pg_operator_is_visible(o.oid)
FROM pg_operator o LEFT JOIN pg_operator com ON com.oid = o.oprcom LEFT JOIN pg_operator neg ON neg.oid = o.oprnegate
WHERE o.oprleft IN (0, 'int4'::regtype) AND o.oprright = 'int4'::regtype AND o.oprname IN ('=', '<', '+', '-')
ORDER BY 1, 2;
SELECT castsource::regtype, casttarget::regtype, castfunc::regproc, castcontext, castmethod FROM pg_cast
WHERE castsource IN ('int4'::regtype, 'int2'::regtype) AND casttarget IN ('int8'::regtype, 'numeric'::regtype, 'int2'::regtype, 'float8'::regtype)
ORDER BY 1, 2;
SELECT lanname, lanispl, lanpltrusted FROM pg_language ORDER BY oid;

-- once the extension is gone, so are its functions
DROP EXTENSION "uuid-ossp";
\df
SELECT count(*) FROM pg_proc WHERE proname LIKE 'uuid_generate%';
