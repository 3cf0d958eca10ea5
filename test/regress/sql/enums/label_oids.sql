-- pg_enum gives each label an OID, in label order for the labels CREATE TYPE names (tools
-- such as SQLAlchemy read labels ORDER BY oid); a label added later gets a new one.
CREATE TYPE lo_mood AS ENUM ('active', 'retired', 'zz', 'aa');
SELECT enumlabel FROM pg_enum WHERE enumtypid = 'lo_mood'::regtype ORDER BY oid;
SELECT count(DISTINCT oid) = 4 AS distinct_oids, min(oid) > 'lo_mood'::regtype::oid AS after_type FROM pg_enum
WHERE enumtypid = 'lo_mood'::regtype;
ALTER TYPE lo_mood ADD VALUE 'mid' BEFORE 'zz';
SELECT enumlabel FROM pg_enum WHERE enumtypid = 'lo_mood'::regtype ORDER BY oid;
SELECT enumlabel FROM pg_enum WHERE enumtypid = 'lo_mood'::regtype ORDER BY enumsortorder;
ALTER TYPE lo_mood RENAME VALUE 'aa' TO 'bb';
SELECT enumlabel FROM pg_enum WHERE enumtypid = 'lo_mood'::regtype ORDER BY oid;
DROP TYPE lo_mood;
