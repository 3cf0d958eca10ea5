-- Seed 001 (AI documentation library): its search schema and the searches it is built for.
-- search_indices is written from the design's column table (it gives no CREATE TABLE); the
-- migration's statements (migration_add_search_indices.sql: the GIN full-text index on
-- to_tsvector('simple', content), the keywords index, the composite indexes, the unique
-- constraint, the foreign key) are verbatim. The searches are what the design's index strategy
-- serves: full text over content and keywords in the 'simple' configuration (Chinese and
-- English content), ranked with ts_rank, filtered by content type, and by title fragments.
CREATE TABLE documents (
    id VARCHAR(255) PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    type VARCHAR(50) NOT NULL,
    version VARCHAR(255) NOT NULL
);
CREATE TABLE search_indices (
    id VARCHAR(255) PRIMARY KEY,
    document_id VARCHAR(255) NOT NULL,
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

-- ===== migration_add_search_indices.sql
-- 使用GIN索引加速全文搜索
CREATE INDEX IF NOT EXISTS idx_search_indices_content_fts 
ON search_indices USING gin(to_tsvector('simple', content));
CREATE INDEX IF NOT EXISTS idx_search_indices_keywords_fts
ON search_indices USING gin(to_tsvector('simple', keywords));
CREATE INDEX IF NOT EXISTS idx_search_indices_document_version ON search_indices (document_id, version);
CREATE INDEX IF NOT EXISTS idx_search_indices_filter ON search_indices (document_id, content_type, score);
CREATE INDEX IF NOT EXISTS idx_search_indices_created_score ON search_indices (created_at, score);
ALTER TABLE search_indices ADD CONSTRAINT uq_search_indices_section UNIQUE (document_id, version, content_type, section);
ALTER TABLE search_indices
ADD CONSTRAINT fk_search_indices_document_id
FOREIGN KEY (document_id) REFERENCES documents(id) ON DELETE CASCADE;
-- Running the migration again changes nothing.
CREATE INDEX IF NOT EXISTS idx_search_indices_content_fts 
ON search_indices USING gin(to_tsvector('simple', content));

INSERT INTO documents VALUES
  ('doc-1', 'API 参考', 'swagger', 'v1'), ('doc-2', 'User Guide', 'markdown', 'v2'), ('doc-3', 'SDK Javadoc', 'java_doc', 'v1');
INSERT INTO search_indices (id, document_id, version, content, content_type, section, keywords, score) VALUES
  ('si-1', 'doc-1', 'v1', 'GET /api/v1/documents returns the document list. 获取文档列表', 'api', 'documents', 'api documents list 文档', 0.9),
  ('si-2', 'doc-1', 'v1', 'POST /api/v1/documents uploads a new document (PDF, DOCX, Markdown).', 'api', 'upload', 'upload pdf docx', 0.7),
  ('si-3', 'doc-2', 'v2', 'Search uses full-text indexes and vector similarity to rank documents.', 'text', 'search', 'search ranking vector', 0.8),
  ('si-4', 'doc-2', 'v2', 'The MCP server exposes search tools to AI assistants over JSON-RPC.', 'text', 'mcp', 'mcp search tools', 0.6),
  ('si-5', 'doc-3', 'v1', 'public List<Document> search(String query, int limit) throws SearchException', 'code', 'DocumentService', 'java search api', 0.5),
  ('si-6', 'doc-3', 'v1', '文档 搜索 支持 中文 和 English 混合 内容', 'text', 'i18n', '中文 搜索', 0.4);

SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM search_indices WHERE to_tsvector('simple', content) @@ plainto_tsquery('simple', 'search documents');
SELECT id, ts_rank(to_tsvector('simple', content), plainto_tsquery('simple', 'documents')) AS rank
FROM search_indices
WHERE to_tsvector('simple', content) @@ plainto_tsquery('simple', 'documents')
ORDER BY rank DESC, id;
SELECT id, content_type FROM search_indices
WHERE to_tsvector('simple', content) @@ to_tsquery('simple', 'search & !vector') ORDER BY id;
SELECT id FROM search_indices WHERE to_tsvector('simple', content) @@ to_tsquery('simple', 'doc:*') ORDER BY id;
SELECT id FROM search_indices WHERE to_tsvector('simple', content) @@ phraseto_tsquery('simple', 'full-text indexes') ORDER BY id;
SELECT id FROM search_indices WHERE to_tsvector('simple', content) @@ websearch_to_tsquery('simple', '"search tools" or upload -pdf') ORDER BY id;
SELECT id FROM search_indices WHERE to_tsvector('simple', content) @@ plainto_tsquery('simple', '文档') ORDER BY id;
SELECT id FROM search_indices WHERE to_tsvector('simple', keywords) @@ plainto_tsquery('simple', 'search') ORDER BY id;
-- The application's search: text and keywords, one content type, ranked with the stored score.
SELECT si.id, si.document_id, d.name,
       ts_rank(to_tsvector('simple', si.content), q) + ts_rank(to_tsvector('simple', coalesce(si.keywords, '')), q) AS rank,
       si.score
FROM search_indices si
JOIN documents d ON d.id = si.document_id,
     plainto_tsquery('simple', 'search') AS q
WHERE si.content_type IN ('text', 'code')
  AND (to_tsvector('simple', si.content) @@ q OR to_tsvector('simple', coalesce(si.keywords, '')) @@ q)
ORDER BY rank DESC, si.score DESC, si.id
LIMIT 10;
-- Title search by fragment (seed 003 installs pg_trgm "用于文本搜索").
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE INDEX idx_documents_name_trgm ON documents USING gin (name gin_trgm_ops);
SELECT id, name FROM documents WHERE name ILIKE '%guide%' ORDER BY id;
SELECT id, name, similarity(name, 'user guides') AS sml FROM documents WHERE name % 'user guides' ORDER BY sml DESC, id;
-- Deleting a document removes its index rows (ON DELETE CASCADE), and the search no longer finds them.
DELETE FROM documents WHERE id = 'doc-2';
SELECT id FROM search_indices WHERE to_tsvector('simple', content) @@ plainto_tsquery('simple', 'search') ORDER BY id;
-- The migration's unique constraint and foreign key.
INSERT INTO search_indices (id, document_id, version, content, content_type, section) VALUES ('si-7', 'doc-1', 'v1', 'x', 'api', 'upload');
INSERT INTO search_indices (id, document_id, version, content, content_type, section) VALUES ('si-8', 'doc-9', 'v1', 'x', 'api', 'x');
