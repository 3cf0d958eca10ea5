-- ALTER / CREATE SEQUENCE ... OWNED BY ties a sequence to a column: pg_get_serial_sequence and
-- pg_depend show it, and dropping the table drops the sequence (as a restored pg_dump relies on)
CREATE TABLE ob_t (id int NOT NULL, other int);
CREATE SEQUENCE ob_s;
ALTER SEQUENCE ob_s OWNED BY ob_t.id;
ALTER TABLE ob_t ALTER COLUMN id SET DEFAULT nextval('ob_s'::regclass);
SELECT pg_get_serial_sequence('ob_t', 'id');
SELECT deptype FROM pg_depend WHERE objid = 'ob_s'::regclass AND refobjid = 'ob_t'::regclass;
CREATE SEQUENCE ob_s2 OWNED BY public.ob_t.other;
SELECT pg_get_serial_sequence('ob_t', 'other');
ALTER SEQUENCE ob_s2 OWNED BY NONE;
SELECT pg_get_serial_sequence('ob_t', 'other');
-- errors
ALTER SEQUENCE ob_s OWNED BY nosuch.id;
ALTER SEQUENCE ob_s OWNED BY ob_t.nosuch;
ALTER SEQUENCE ob_s OWNED BY ob_t;
ALTER SEQUENCE ob_s OWNED BY ob_s2.x;
CREATE SCHEMA ob_other;
CREATE SEQUENCE ob_other.s3 OWNED BY ob_t.id;
DROP TABLE ob_t;
SELECT relname FROM pg_class WHERE relname IN ('ob_s', 'ob_s2') ORDER BY 1;
DROP SEQUENCE ob_s2;
DROP SCHEMA ob_other;
