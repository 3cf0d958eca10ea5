-- What sqlsmith found, each reduced to the statement that shows it.

-- A nested loop over system catalogs re-opens its inner catalog scan per outer row; neither the
-- opening nor the scan checked for statement_timeout, so such a query ran on for minutes.
SET statement_timeout = '300ms';
SELECT count(*) FROM pg_catalog.pg_proc a, pg_catalog.pg_proc b, pg_catalog.pg_proc c;
SELECT count(*) FROM information_schema.columns a, pg_catalog.pg_operator b, pg_catalog.pg_type c;
RESET statement_timeout;
SELECT 1 AS still_serving;
