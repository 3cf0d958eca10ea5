-- Seed 001 (AI documentation library): every function, trigger, DO block and materialized view
-- of the design, verbatim: update_user_tables_updated_at() + trigger update_users_updated_at,
-- update_updated_at_column(), normalize_vector() (with its ALTER TABLE), the category migration's
-- DO block, and the materialized view document_stats with REFRESH ... CONCURRENTLY.
-- The design's init.sql runs CREATE EXTENSION IF NOT EXISTS "uuid-ossp"; extensions are not
-- available here, and nothing below needs it (the design's tables use gen_random_uuid()).
-- The tables are written from the design's column tables (it gives no CREATE TABLE for them).

CREATE TABLE users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    username VARCHAR(255) NOT NULL UNIQUE,
    email VARCHAR(255) NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,
    role VARCHAR(50) NOT NULL DEFAULT 'user',
    first_name VARCHAR(255),
    last_name VARCHAR(255),
    avatar VARCHAR(255),
    is_active BOOLEAN DEFAULT TRUE,
    last_login TIMESTAMP,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
-- documents starts without category: the migration's DO block adds it
CREATE TABLE documents (
    id VARCHAR(255) PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    type VARCHAR(50) NOT NULL,
    version VARCHAR(255) NOT NULL,
    tags character varying[],
    file_path VARCHAR(255) NOT NULL,
    file_size BIGINT NOT NULL,
    status VARCHAR(50) NOT NULL,
    library VARCHAR(255),
    content TEXT,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE search_indices (
    id VARCHAR(255) PRIMARY KEY,
    document_id VARCHAR(255) NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    version VARCHAR(255) NOT NULL,
    content TEXT NOT NULL,
    content_type VARCHAR(50) NOT NULL,
    section VARCHAR(255),
    keywords TEXT,
    metadata JSONB,
    score FLOAT DEFAULT 0,
    vector FLOAT[],
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

-- ===== migration_add_user_tables.sql: updated_at trigger on users (verbatim)
CREATE OR REPLACE FUNCTION update_user_tables_updated_at()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ language 'plpgsql';

CREATE TRIGGER update_users_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW
    EXECUTE FUNCTION update_user_tables_updated_at();

INSERT INTO users (username, email, password_hash, role, created_at, updated_at) VALUES
  ('admin', 'admin@example.com', '$2a$10$hash', 'admin', '2024-01-01 00:00:00', '2024-01-01 00:00:00'),
  ('editor', 'editor@example.com', '$2a$10$hash', 'editor', '2024-01-01 00:00:00', '2024-01-01 00:00:00');
-- an INSERT does not fire it: the given updated_at stays
SELECT username, updated_at = '2024-01-01 00:00:00' AS unchanged FROM users ORDER BY username;
BEGIN;
UPDATE users SET role = 'user' WHERE username = 'editor';
-- the trigger stamped the transaction's CURRENT_TIMESTAMP into updated_at
SELECT username, role, updated_at = CURRENT_TIMESTAMP::timestamp AS stamped,
       updated_at > created_at AS after_created
  FROM users ORDER BY username;
COMMIT;
-- it overrides an explicit value too
UPDATE users SET updated_at = '2000-01-01' WHERE username = 'admin';
SELECT username, updated_at > '2024-01-01' AS restamped FROM users ORDER BY username;
SELECT tgname, tgrelid::regclass, tgfoid::regproc FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname;

-- ===== migration_add_search_indices.sql: update_updated_at_column() (verbatim); the design
-- attaches it nowhere in the text, so the trigger below is this test's
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ language 'plpgsql';

CREATE TRIGGER update_documents_updated_at BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- ===== migration_add_document_category.sql (verbatim)
INSERT INTO documents (id, name, type, version, tags, file_path, file_size, status, library, created_at, updated_at) VALUES
  ('doc-1', 'Go guide', 'markdown', '1.0', '{go,guide}', '/docs/go.md', 1000, 'completed', 'go', '2024-01-01', '2024-01-01'),
  ('doc-2', 'API spec', 'swagger', '2.0', '{api}', '/docs/api.json', 3000, 'completed', 'api', '2024-01-01', '2024-01-01'),
  ('doc-3', 'Manual', 'pdf', '1.0', NULL, '/docs/manual.pdf', 5000, 'processing', NULL, '2024-01-01', '2024-01-01');
-- 安全添加字段
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns 
        WHERE table_name = 'documents' AND column_name = 'category'
    ) THEN
        ALTER TABLE documents ADD COLUMN category TEXT;
    END IF;
END $$;

-- 为现有数据设置默认值
UPDATE documents SET category = 'document' WHERE category IS NULL;

-- 设置非空约束
ALTER TABLE documents ALTER COLUMN category SET NOT NULL;

SELECT column_name, data_type, is_nullable FROM information_schema.columns
  WHERE table_name = 'documents' AND column_name = 'category' ORDER BY column_name;
SELECT id, category, updated_at > created_at AS touched FROM documents ORDER BY id;
-- run again: the column exists, the block does nothing
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.columns 
        WHERE table_name = 'documents' AND column_name = 'category'
    ) THEN
        ALTER TABLE documents ADD COLUMN category TEXT;
    END IF;
END $$;
SELECT count(*) AS category_columns FROM information_schema.columns
  WHERE table_name = 'documents' AND column_name = 'category';
UPDATE documents SET category = 'code' WHERE id = 'doc-1';
-- category is NOT NULL now
INSERT INTO documents (id, name, type, version, file_path, file_size, status, created_at, updated_at) VALUES
  ('doc-4', 'no category', 'markdown', '1.0', '/docs/x.md', 10, 'completed', '2024-01-01', '2024-01-01');

-- ===== vector normalization (verbatim): the function compiles, but float[] / float has no
-- operator, so it fails once it fires
-- 创建归一化向量列
ALTER TABLE search_indices 
ADD COLUMN vector_norm float[];

-- 触发器自动归一化
CREATE OR REPLACE FUNCTION normalize_vector()
RETURNS TRIGGER AS $$
BEGIN
    NEW.vector_norm := NEW.vector / sqrt(array_length(NEW.vector, 1));
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- the design shows no CREATE TRIGGER for it; this test's trigger makes it fire
CREATE TRIGGER normalize_search_vector BEFORE INSERT OR UPDATE ON search_indices
    FOR EACH ROW EXECUTE FUNCTION normalize_vector();
INSERT INTO search_indices (id, document_id, version, content, content_type, section, vector)
  VALUES ('si-1', 'doc-1', '1.0', 'intro text', 'text', 'intro', '{3,4}');
INSERT INTO search_indices (id, document_id, version, content, content_type, section)
  VALUES ('si-1', 'doc-1', '1.0', 'intro text', 'text', 'intro');
SELECT count(*) FROM search_indices;
DROP TRIGGER normalize_search_vector ON search_indices;

-- update_updated_at_column() on search_indices
CREATE TRIGGER update_search_indices_updated_at BEFORE UPDATE ON search_indices
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
INSERT INTO search_indices (id, document_id, version, content, content_type, section, vector, created_at, updated_at)
  VALUES ('si-1', 'doc-1', '1.0', 'intro text', 'text', 'intro', '{3,4}', '2024-01-01', '2024-01-01'),
         ('si-2', 'doc-2', '2.0', 'paths', 'code', 'paths', NULL, '2024-01-01', '2024-01-01');
UPDATE search_indices SET score = 0.5 WHERE id = 'si-1';
SELECT id, score, vector, vector_norm, updated_at > created_at AS touched FROM search_indices ORDER BY id;

-- ===== 使用物化视图加速复杂聚合 (verbatim)
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

SELECT * FROM document_stats ORDER BY category, type, status;
-- new rows are not seen until a refresh; CONCURRENTLY needs a unique index
INSERT INTO documents (id, name, type, version, file_path, file_size, status, category) VALUES
  ('doc-5', 'Go guide 2', 'markdown', '2.0', '/docs/go2.md', 3000, 'completed', 'code');
SELECT * FROM document_stats ORDER BY category, type, status;
CREATE UNIQUE INDEX document_stats_key ON document_stats (category, type, status);
REFRESH MATERIALIZED VIEW CONCURRENTLY document_stats;
SELECT * FROM document_stats ORDER BY category, type, status;
DELETE FROM documents WHERE id = 'doc-3';
REFRESH MATERIALIZED VIEW document_stats;
SELECT * FROM document_stats ORDER BY category, type, status;
-- deleting a document cascades to its search index rows
SELECT count(*) FROM search_indices WHERE document_id = 'doc-1';
DELETE FROM documents WHERE id = 'doc-1';
SELECT id FROM search_indices ORDER BY id;
