-- COMMENT ON and where comments show: pg_description, obj_description, col_description, psql's \d+ and \dt+
CREATE SCHEMA billing;
CREATE TYPE plan_kind AS ENUM ('free', 'pro');
CREATE TABLE billing.accounts (
  id serial PRIMARY KEY,
  email text NOT NULL,
  plan plan_kind,
  CONSTRAINT email_has_at CHECK (email LIKE '%@%')
);
CREATE INDEX accounts_email ON billing.accounts (email);
COMMENT ON SCHEMA billing IS 'Money matters';
COMMENT ON TABLE billing.accounts IS 'One row per paying customer';
COMMENT ON COLUMN billing.accounts.email IS 'Where invoices go';
COMMENT ON COLUMN billing.accounts.plan IS 'it''s the "plan"';
COMMENT ON INDEX billing.accounts_email IS 'lookups by email';
COMMENT ON SEQUENCE billing.accounts_id_seq IS 'ids';
COMMENT ON TYPE plan_kind IS 'what they pay for';
COMMENT ON CONSTRAINT email_has_at ON billing.accounts IS 'a plausible address';
SELECT obj_description('billing.accounts'::regclass, 'pg_class'),
       obj_description('billing.accounts'::regclass),
       col_description('billing.accounts'::regclass, 2),
       col_description('billing.accounts'::regclass, 1),
       obj_description('billing'::regnamespace, 'pg_namespace'),
       obj_description('public'::regnamespace, 'pg_namespace'),
       obj_description('plan_kind'::regtype, 'pg_type');
SELECT d.classoid::regclass, d.objsubid, d.description
FROM pg_description d
WHERE d.objoid IN ('billing.accounts'::regclass, 'billing.accounts_email'::regclass, 'billing.accounts_id_seq'::regclass,
                   'billing'::regnamespace, 'plan_kind'::regtype)
   OR d.objoid IN (SELECT oid FROM pg_constraint WHERE conname = 'email_has_at')
ORDER BY 1::text, 2, 3;
\d+ billing.accounts
\dn+ billing
-- changing and removing
COMMENT ON TABLE billing.accounts IS 'changed';
COMMENT ON COLUMN billing.accounts.email IS NULL;
COMMENT ON COLUMN billing.accounts.plan IS '';
SELECT obj_description('billing.accounts'::regclass, 'pg_class'), col_description('billing.accounts'::regclass, 2),
       col_description('billing.accounts'::regclass, 3);
-- in a transaction that rolls back, the comment goes too
BEGIN;
COMMENT ON TABLE billing.accounts IS 'rolled back';
ROLLBACK;
SELECT obj_description('billing.accounts'::regclass, 'pg_class');
-- a dropped column or table takes its comments with it
ALTER TABLE billing.accounts DROP COLUMN plan;
SELECT count(*) FROM pg_description WHERE objoid = 'billing.accounts'::regclass;
DROP TABLE billing.accounts;
SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid WHERE c.relnamespace = 'billing'::regnamespace;
-- errors
COMMENT ON TABLE nosuch IS 'x';
COMMENT ON COLUMN billing.nosuch.c IS 'x';
CREATE TABLE billing.t (a int);
COMMENT ON COLUMN billing.t.nosuch IS 'x';
COMMENT ON TABLE billing.t_a_idx IS 'x';
COMMENT ON SCHEMA nosuch IS 'x';
COMMENT ON TYPE nosuch IS 'x';
COMMENT ON CONSTRAINT nosuch ON billing.t IS 'x';
COMMENT ON EXTENSION nosuch IS 'x';
CREATE INDEX ON billing.t (a);
COMMENT ON TABLE billing.t_a_idx IS 'x';
COMMENT ON INDEX billing.t IS 'x';
