-- CREATE MATERIALIZED VIEW, REFRESH [CONCURRENTLY], reading and indexing one, and what is
-- refused; seed 001's document_stats verbatim over a documents table of the columns it reads.
CREATE TABLE documents (id bigserial PRIMARY KEY, category text, type text, status text, file_size bigint);
INSERT INTO documents (category, type, status, file_size) VALUES
  ('report', 'pdf', 'ready', 1000), ('report', 'pdf', 'ready', 3000), ('memo', 'txt', 'draft', 10),
  ('memo', 'txt', 'ready', NULL);

CREATE MATERIALIZED VIEW document_stats AS
SELECT 
    category, 
    type, 
    status,
    COUNT(*) as total_count,
    SUM(file_size) as total_size,
    AVG(file_size) as avg_size
FROM documents
GROUP BY category, type, status;

-- 定期刷新物化视图
REFRESH MATERIALIZED VIEW CONCURRENTLY document_stats;
SELECT * FROM document_stats ORDER BY category, status;
-- The rows are those of the last refresh.
INSERT INTO documents (category, type, status, file_size) VALUES ('memo', 'txt', 'draft', 90);
SELECT total_count, total_size FROM document_stats WHERE category = 'memo' AND status = 'draft';
REFRESH MATERIALIZED VIEW document_stats;
SELECT total_count, total_size FROM document_stats WHERE category = 'memo' AND status = 'draft';
-- With a unique index, CONCURRENTLY works.
CREATE UNIQUE INDEX document_stats_key ON document_stats (category, type, status);
INSERT INTO documents (category, type, status, file_size) VALUES ('memo', 'txt', 'draft', 900);
REFRESH MATERIALIZED VIEW CONCURRENTLY document_stats;
SELECT total_count, total_size FROM document_stats WHERE category = 'memo' AND status = 'draft';
SELECT category, total_count FROM document_stats WHERE category = 'report';
\d document_stats
\dm
SELECT schemaname, matviewname, hasindexes, ispopulated FROM pg_matviews;
SELECT relname, relkind, relispopulated, relhasrules FROM pg_class WHERE relname = 'document_stats';
SELECT table_name FROM information_schema.tables WHERE table_name = 'document_stats';
SELECT tablename FROM pg_tables WHERE tablename = 'document_stats';
SELECT indexname FROM pg_indexes WHERE tablename = 'document_stats';

-- WITH NO DATA, column names, IF NOT EXISTS.
CREATE MATERIALIZED VIEW later (kind, n) AS SELECT category, count(*) FROM documents GROUP BY category WITH NO DATA;
SELECT * FROM later;
REFRESH MATERIALIZED VIEW CONCURRENTLY later;
SELECT relispopulated FROM pg_class WHERE relname = 'later';
REFRESH MATERIALIZED VIEW later;
SELECT * FROM later ORDER BY kind;
REFRESH MATERIALIZED VIEW later WITH NO DATA;
SELECT * FROM later;
CREATE MATERIALIZED VIEW IF NOT EXISTS later AS SELECT 1;
-- A view over a materialized view, and the dependencies between them.
REFRESH MATERIALIZED VIEW later;
CREATE VIEW later_kinds AS SELECT kind FROM later;
SELECT * FROM later_kinds ORDER BY 1;
DROP TABLE documents;
DROP MATERIALIZED VIEW later;
ALTER TABLE documents DROP COLUMN file_size;
ALTER MATERIALIZED VIEW later RENAME TO kinds;
SELECT * FROM later_kinds ORDER BY 1;
COMMENT ON MATERIALIZED VIEW kinds IS 'categories';
SELECT obj_description('kinds'::regclass, 'pg_class');
ALTER MATERIALIZED VIEW kinds OWNER TO postgres;

-- What is refused.
CREATE MATERIALIZED VIEW bad AS WITH x AS (INSERT INTO documents DEFAULT VALUES RETURNING *) SELECT * FROM x;
CREATE MATERIALIZED VIEW bad (a, b, c) AS SELECT 1, 2;
CREATE MATERIALIZED VIEW kinds AS SELECT 1;
REFRESH MATERIALIZED VIEW CONCURRENTLY kinds WITH NO DATA;
REFRESH MATERIALIZED VIEW documents;
REFRESH MATERIALIZED VIEW nope;
INSERT INTO kinds VALUES ('x', 1);
UPDATE kinds SET n = 0;
DELETE FROM kinds;
TRUNCATE kinds;
SELECT * FROM kinds FOR UPDATE;
COPY kinds TO stdout;
COPY later_kinds TO stdout;
ALTER TABLE kinds ADD COLUMN extra int;
DROP TABLE kinds;
DROP VIEW kinds;
DROP MATERIALIZED VIEW later_kinds;
DROP MATERIALIZED VIEW kinds;
DROP MATERIALIZED VIEW kinds CASCADE;
DROP MATERIALIZED VIEW IF EXISTS kinds;
-- Last: PostgreSQL refuses it only once the client has started sending rows.
CREATE VIEW copy_target AS SELECT 1 AS x;
COPY copy_target FROM stdin;
