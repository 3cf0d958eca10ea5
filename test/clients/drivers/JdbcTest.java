// PgJDBC (Debian's libpostgresql-jdbc-java) as its users use it: DatabaseMetaData (getTables,
// getColumns, getPrimaryKeys, getImportedKeys, getIndexInfo: all pg_catalog queries), prepared
// statements past prepareThreshold (the 5th execution switches to a named server statement and
// binary transfer), array parameters and results, fetch size (portal Execute with a row limit),
// batches, generated keys, transactions and SQLSTATEs.
//   javac -d DIR JdbcTest.java && java -cp DIR:/usr/share/java/postgresql.jar JdbcTest PORT
import java.math.BigDecimal;
import java.sql.*;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;
import java.util.concurrent.*;

public class JdbcTest {
    static String url;
    static String T;  // table name prefix
    static int passed = 0, failed = 0;

    interface Check { void run() throws Exception; }

    static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, p);
    }

    static void expect(Object got, Object want, String what) {
        if (!Objects.equals(got, want))
            throw new AssertionError(what + ": got " + got + ", want " + want);
    }

    static void check(String name, Check c) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> { Thread t = new Thread(r); t.setDaemon(true); return t; });
        Future<?> f = ex.submit(() -> { c.run(); return null; });
        try {
            f.get(40, TimeUnit.SECONDS);
            System.out.println("ok jdbc." + name);
            passed++;
        } catch (TimeoutException e) {
            f.cancel(true);
            System.out.println("FAIL jdbc." + name + ": timed out after 40s (no answer from the server?)");
            failed++;
        } catch (Exception e) {
            Throwable t = e instanceof ExecutionException ? e.getCause() : e;
            String msg = t.getClass().getSimpleName() + ": " + t.getMessage();
            if (t instanceof SQLException && ((SQLException) t).getSQLState() != null)
                msg += " [SQLSTATE " + ((SQLException) t).getSQLState() + "]";
            System.out.println("FAIL jdbc." + name + ": " + msg.replaceAll("\\s*\\n\\s*", " | "));
            if (System.getenv("DRIVERS_VERBOSE") != null) t.printStackTrace(System.out);
            failed++;
        } catch (Throwable t) {
            System.out.println("FAIL jdbc." + name + ": " + t);
            failed++;
        }
        ex.shutdownNow();
        System.out.flush();
    }

    static List<String> col(ResultSet rs, String name) throws SQLException {
        List<String> out = new ArrayList<>();
        while (rs.next()) out.add(rs.getString(name));
        rs.close();
        return out;
    }

    // Runs a statement's n-th execution; an error names the execution (prepareThreshold is 5).
    static ResultSet query(PreparedStatement ps, int n) throws SQLException {
        try { return ps.executeQuery(); } catch (SQLException e) { throw nth(e, n); }
    }

    static int update(PreparedStatement ps, int n) throws SQLException {
        try { return ps.executeUpdate(); } catch (SQLException e) { throw nth(e, n); }
    }

    static SQLException nth(SQLException e, int n) {
        return new SQLException(e.getMessage() + " (at execution " + n + " of the statement)", e.getSQLState(), e);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) { s.execute(sql); }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        T = "drv_jdbc_" + ProcessHandle.current().pid();

        check("connect", () -> {
            try (Connection c = connect()) {
                DatabaseMetaData md = c.getMetaData();
                expect(md.getDatabaseProductName(), "PostgreSQL", "product name");
                expect(md.getDatabaseMajorVersion(), 15, "major version");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1, current_user")) {
                    rs.next();
                    expect(rs.getInt(1), 1, "select 1");
                    expect(rs.getString(2), "postgres", "current_user");
                }
            }
        });

        check("setup", () -> {
            try (Connection c = connect()) {
                exec(c, "DROP TABLE IF EXISTS " + T + "_child, " + T + "_parent, " + T + "_arr");
                exec(c, "CREATE TABLE " + T + "_parent (id serial PRIMARY KEY, name text NOT NULL UNIQUE)");
                exec(c, "CREATE TABLE " + T + "_child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES "
                        + T + "_parent (id) ON DELETE CASCADE, val int, note varchar(40) DEFAULT 'x', created timestamp)");
                exec(c, "CREATE INDEX " + T + "_child_val_idx ON " + T + "_child (val)");
                exec(c, "CREATE TABLE " + T + "_arr (id int, ints int[], txts text[], ts timestamp, label text)");
            }
        });

        check("meta_getTables", () -> {
            try (Connection c = connect()) {
                DatabaseMetaData md = c.getMetaData();
                ResultSet rs = md.getTables(null, "public", T + "%", new String[] {"TABLE"});
                List<String> names = new ArrayList<>(), types = new ArrayList<>(), schemas = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                    types.add(rs.getString("TABLE_TYPE"));
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
                expect(names, List.of(T + "_arr", T + "_child", T + "_parent"), "TABLE_NAME");
                expect(types, List.of("TABLE", "TABLE", "TABLE"), "TABLE_TYPE");
                expect(schemas, List.of("public", "public", "public"), "TABLE_SCHEM");
                // with all types: the indexes show up as INDEX
                List<String> idx = col(md.getTables(null, "public", T + "_child%", new String[] {"INDEX"}), "TABLE_NAME");
                expect(idx, List.of(T + "_child_pkey", T + "_child_val_idx"), "INDEX rows");
                if (!col(md.getSchemas(), "TABLE_SCHEM").contains("public")) throw new AssertionError("getSchemas lacks public");
                List<String> tt = col(md.getTableTypes(), "TABLE_TYPE");
                if (!tt.contains("TABLE") || !tt.contains("VIEW")) throw new AssertionError("getTableTypes: " + tt);
            }
        });

        check("meta_getColumns", () -> {
            try (Connection c = connect()) {
                DatabaseMetaData md = c.getMetaData();
                ResultSet rs = md.getColumns(null, "public", T + "_child", "%");
                List<String> got = new ArrayList<>();
                while (rs.next())
                    got.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE")
                            + ":" + rs.getInt("COLUMN_SIZE") + ":" + rs.getInt("NULLABLE") + ":" + rs.getString("COLUMN_DEF")
                            + ":" + rs.getInt("ORDINAL_POSITION"));
                expect(got, List.of(
                        "id:int4:" + Types.INTEGER + ":10:0:null:1",
                        "parent_id:int4:" + Types.INTEGER + ":10:0:null:2",
                        "val:int4:" + Types.INTEGER + ":10:1:null:3",
                        "note:varchar:" + Types.VARCHAR + ":40:1:'x'::character varying:4",
                        "created:timestamp:" + Types.TIMESTAMP + ":29:1:null:5"), "child columns");
                rs = md.getColumns(null, "public", T + "_parent", "id");
                rs.next();
                expect(rs.getString("TYPE_NAME"), "serial", "serial TYPE_NAME");
                expect(rs.getString("IS_AUTOINCREMENT"), "YES", "IS_AUTOINCREMENT");
                expect(rs.getString("COLUMN_DEF"), "nextval('" + T + "_parent_id_seq'::regclass)", "serial default");
                rs = md.getColumns(null, "public", T + "_arr", "ints");
                rs.next();
                expect(rs.getString("TYPE_NAME"), "_int4", "int[] TYPE_NAME");
                expect(rs.getInt("DATA_TYPE"), Types.ARRAY, "int[] DATA_TYPE");
            }
        });

        check("meta_getPrimaryKeys", () -> {
            try (Connection c = connect()) {
                ResultSet rs = c.getMetaData().getPrimaryKeys(null, "public", T + "_parent");
                if (!rs.next()) throw new AssertionError("no primary key rows");
                expect(rs.getString("TABLE_NAME"), T + "_parent", "TABLE_NAME");
                expect(rs.getString("COLUMN_NAME"), "id", "COLUMN_NAME");
                expect(rs.getInt("KEY_SEQ"), 1, "KEY_SEQ");
                expect(rs.getString("PK_NAME"), T + "_parent_pkey", "PK_NAME");
                expect(rs.next(), false, "one row");
            }
        });

        check("meta_getImportedKeys", () -> {
            try (Connection c = connect()) {
                DatabaseMetaData md = c.getMetaData();
                ResultSet rs = md.getImportedKeys(null, "public", T + "_child");
                if (!rs.next()) throw new AssertionError("no imported key rows");
                expect(rs.getString("PKTABLE_NAME"), T + "_parent", "PKTABLE_NAME");
                expect(rs.getString("PKCOLUMN_NAME"), "id", "PKCOLUMN_NAME");
                expect(rs.getString("FKTABLE_NAME"), T + "_child", "FKTABLE_NAME");
                expect(rs.getString("FKCOLUMN_NAME"), "parent_id", "FKCOLUMN_NAME");
                expect(rs.getString("FK_NAME"), T + "_child_parent_id_fkey", "FK_NAME");
                expect(rs.getString("PK_NAME"), T + "_parent_pkey", "PK_NAME");
                expect(rs.getInt("DELETE_RULE"), DatabaseMetaData.importedKeyCascade, "DELETE_RULE");
                expect(rs.getInt("UPDATE_RULE"), DatabaseMetaData.importedKeyNoAction, "UPDATE_RULE");
                expect(rs.next(), false, "one row");
                List<String> ex = col(md.getExportedKeys(null, "public", T + "_parent"), "FKTABLE_NAME");
                expect(ex, List.of(T + "_child"), "getExportedKeys");
            }
        });

        check("meta_getIndexInfo", () -> {
            try (Connection c = connect()) {
                ResultSet rs = c.getMetaData().getIndexInfo(null, "public", T + "_child", false, false);
                List<String> got = new ArrayList<>();
                while (rs.next())
                    got.add(rs.getString("INDEX_NAME") + ":" + rs.getBoolean("NON_UNIQUE") + ":" + rs.getString("COLUMN_NAME")
                            + ":" + rs.getInt("ORDINAL_POSITION"));
                Collections.sort(got);
                expect(got, List.of(T + "_child_pkey:false:id:1", T + "_child_val_idx:true:val:1"), "index rows");
                rs = c.getMetaData().getIndexInfo(null, "public", T + "_parent", true, false);
                got = new ArrayList<>();
                while (rs.next()) got.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
                Collections.sort(got);
                expect(got, List.of(T + "_parent_name_key:name", T + "_parent_pkey:id"), "unique index rows");
            }
        });

        check("meta_getTypeInfo", () -> {
            try (Connection c = connect()) {
                List<String> names = col(c.getMetaData().getTypeInfo(), "TYPE_NAME");
                for (String t : List.of("int4", "text", "timestamptz", "_int4", "jsonb", "uuid"))
                    if (!names.contains(t)) throw new AssertionError("getTypeInfo lacks " + t);
            }
        });

        check("prepared_binary_params", () -> {
            try (Connection c = connect();
                 PreparedStatement ps = c.prepareStatement(
                         "SELECT ?::int + 1 AS n, ?::text || '!' AS s, ?::timestamp + interval '1 day' AS t, ? AS a, ?::text[] AS b")) {
                for (int i = 0; i < 8; i++) {
                    Timestamp ts = Timestamp.valueOf("2024-01-0" + (i + 1) + " 10:11:12.345");
                    ps.setInt(1, i);
                    ps.setString(2, "v" + i);
                    ps.setTimestamp(3, ts);
                    ps.setArray(4, c.createArrayOf("int4", new Integer[] {i, i * 10, null}));
                    ps.setArray(5, c.createArrayOf("text", new String[] {"a" + i, "b c", null, ""}));
                    try (ResultSet rs = query(ps, i + 1)) {
                        if (!rs.next()) throw new AssertionError("no row at execution " + (i + 1));
                        String at = " at execution " + (i + 1);
                        expect(rs.getInt("n"), i + 1, "int" + at);
                        expect(rs.getString("s"), "v" + i + "!", "text" + at);
                        expect(rs.getTimestamp("t"), Timestamp.valueOf("2024-01-0" + (i + 2) + " 10:11:12.345"), "timestamp" + at);
                        expect(Arrays.asList((Integer[]) rs.getArray("a").getArray()), Arrays.asList(i, i * 10, null), "int[]" + at);
                        expect(Arrays.asList((String[]) rs.getArray("b").getArray()), Arrays.asList("a" + i, "b c", null, ""), "text[]" + at);
                    }
                }
                expect(ps.unwrap(org.postgresql.PGStatement.class).isUseServerPrepare(), true, "server-prepared after 5 runs");
            }
        });

        check("prepared_array_insert_select", () -> {
            try (Connection c = connect()) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + T + "_arr VALUES (?, ?, ?, ?, ?)")) {
                    for (int i = 1; i <= 10; i++) {
                        ins.setInt(1, i);
                        ins.setArray(2, c.createArrayOf("int4", new Object[] {i, -i, 2 * i}));
                        ins.setArray(3, c.createArrayOf("text", new Object[] {"x" + i, "y,\"z\""}));
                        ins.setTimestamp(4, Timestamp.valueOf("2023-06-15 08:00:0" + (i % 10)));
                        ins.setString(5, i % 2 == 0 ? null : "odd");
                        expect(update(ins, i), 1, "update count");
                    }
                }
                try (PreparedStatement sel = c.prepareStatement("SELECT ints, txts, ts, label, ints[2] AS second FROM " + T + "_arr WHERE id = ?")) {
                    for (int i = 1; i <= 10; i++) {
                        sel.setInt(1, i);
                        try (ResultSet rs = query(sel, i)) {
                            rs.next();
                            String at = " for id " + i;
                            expect(Arrays.asList((Integer[]) rs.getArray(1).getArray()), Arrays.asList(i, -i, 2 * i), "int[]" + at);
                            ResultSet ars = rs.getArray(1).getResultSet();  // the array as rows (index, value)
                            int n = 0;
                            while (ars.next()) n++;
                            expect(n, 3, "array getResultSet rows" + at);
                            expect(Arrays.asList((String[]) rs.getArray(2).getArray()), Arrays.asList("x" + i, "y,\"z\""), "text[]" + at);
                            expect(rs.getTimestamp(3), Timestamp.valueOf("2023-06-15 08:00:0" + (i % 10)), "timestamp" + at);
                            expect(rs.getString(4), i % 2 == 0 ? null : "odd", "label" + at);
                            expect(rs.getInt(5), -i, "ints[2]" + at);
                        }
                    }
                }
                try (PreparedStatement any = c.prepareStatement("SELECT count(*) FROM " + T + "_arr WHERE id = ANY(?)")) {
                    for (int k = 0; k < 7; k++) {
                        any.setArray(1, c.createArrayOf("int4", new Integer[] {1, 2, 3, 99}));
                        try (ResultSet rs = query(any, k + 1)) {
                            rs.next();
                            expect(rs.getInt(1), 3, "= ANY(?) run " + (k + 1));
                        }
                    }
                }
            }
        });

        check("fetch_size", () -> {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(10);
                    try (ResultSet rs = s.executeQuery("SELECT g, 'r' || g FROM generate_series(1, 100) g")) {
                        int n = 0;
                        long sum = 0;
                        while (rs.next()) {
                            n++;
                            sum += rs.getInt(1);
                            expect(rs.getString(2), "r" + rs.getInt(1), "row " + n);
                        }
                        expect(n, 100, "rows");
                        expect(sum, 5050L, "sum");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT g FROM generate_series(1, ?) g")) {
                    ps.setFetchSize(7);
                    for (int k = 0; k < 6; k++) {  // past prepareThreshold too
                        ps.setInt(1, 50 + k);
                        int n = 0;
                        try (ResultSet rs = query(ps, k + 1)) { while (rs.next()) n++; }
                        expect(n, 50 + k, "rows of run " + (k + 1));
                    }
                }
                c.commit();
            }
        });

        check("batch_insert", () -> {
            try (Connection c = connect()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + "_parent (name) VALUES (?)")) {
                    for (int i = 0; i < 50; i++) {
                        ps.setString(1, "p" + i);
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    expect(counts.length, 50, "batch results");
                    for (int x : counts) expect(x, 1, "batch update count");
                }
                try (Statement s = c.createStatement()) {
                    s.addBatch("INSERT INTO " + T + "_child VALUES (1, (SELECT min(id) FROM " + T + "_parent), 10, 'a', now())");
                    s.addBatch("INSERT INTO " + T + "_child (id, parent_id, val) SELECT g, (SELECT max(id) FROM " + T + "_parent), g FROM generate_series(2, 5) g");
                    expect(Arrays.toString(s.executeBatch()), "[1, 4]", "statement batch counts");
                    ResultSet rs = s.executeQuery("SELECT count(*), sum(val), min(note) FROM " + T + "_child");
                    rs.next();
                    expect(rs.getInt(1) + ":" + rs.getInt(2) + ":" + rs.getString(3), "5:24:a", "child rows");
                    rs = s.executeQuery("SELECT count(*) FROM " + T + "_parent");
                    rs.next();
                    expect(rs.getInt(1), 50, "parent rows");
                }
            }
        });

        check("generated_keys", () -> {
            try (Connection c = connect();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + "_parent (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "gk");
                expect(ps.executeUpdate(), 1, "update count");
                ResultSet rs = ps.getGeneratedKeys();
                if (!rs.next()) throw new AssertionError("no generated keys");
                int id = rs.getInt("id");
                expect(rs.getString("name"), "gk", "returned name");
                try (Statement s = c.createStatement(); ResultSet r2 = s.executeQuery("SELECT max(id) FROM " + T + "_parent")) {
                    r2.next();
                    expect(r2.getInt(1), id, "generated id");
                }
            }
        });

        check("transaction_savepoint", () -> {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO " + T + "_parent (name) VALUES ('tx1')");
                    c.rollback();
                    s.executeUpdate("INSERT INTO " + T + "_parent (name) VALUES ('tx2')");
                    Savepoint sp = c.setSavepoint("sp");
                    s.executeUpdate("INSERT INTO " + T + "_parent (name) VALUES ('tx3')");
                    c.rollback(sp);
                    c.commit();
                    ResultSet rs = s.executeQuery("SELECT string_agg(name, ',' ORDER BY name) FROM " + T + "_parent WHERE name LIKE 'tx%'");
                    rs.next();
                    expect(rs.getString(1), "tx2", "committed rows");
                    c.commit();
                    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    rs = s.executeQuery("SHOW transaction_isolation");
                    rs.next();
                    expect(rs.getString(1), "repeatable read", "isolation");
                    c.commit();
                }
            }
        });

        check("error_sqlstate", () -> {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                try {
                    s.executeUpdate("INSERT INTO " + T + "_parent (name) VALUES ('tx2')");
                    throw new AssertionError("no unique violation");
                } catch (SQLException e) {
                    expect(e.getSQLState(), "23505", "unique violation");
                }
                try {
                    s.executeQuery("SELECT * FROM drv_no_such_table_" + T);
                    throw new AssertionError("no error");
                } catch (SQLException e) {
                    expect(e.getSQLState(), "42P01", "undefined table");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + T + "_child (id, parent_id) VALUES (?, ?)")) {
                    ps.setInt(1, 1000);
                    ps.setInt(2, -1);
                    ps.executeUpdate();
                    throw new AssertionError("no foreign key violation");
                } catch (SQLException e) {
                    expect(e.getSQLState(), "23503", "foreign key violation");
                }
                ResultSet rs = s.executeQuery("SELECT 7");
                rs.next();
                expect(rs.getInt(1), 7, "usable after errors");
            }
        });

        check("types", () -> {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u, 12.50::numeric(6,2) AS n, true AS b, "
                        + "'\\x00ff'::bytea AS by, DATE '2024-02-29' AS d, '{\"k\": 1}'::jsonb AS j, "
                        + "TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tz, 9007199254740993::int8 AS big");
                rs.next();
                expect(rs.getObject("u"), UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "uuid");
                expect(rs.getBigDecimal("n"), new BigDecimal("12.50"), "numeric");
                expect(rs.getBoolean("b"), true, "bool");
                expect(Arrays.toString(rs.getBytes("by")), "[0, -1]", "bytea");
                expect(rs.getDate("d").toString(), "2024-02-29", "date");
                expect(rs.getString("j"), "{\"k\": 1}", "jsonb");
                expect(rs.getObject("tz", OffsetDateTime.class).toInstant(),
                        OffsetDateTime.of(2024, 1, 2, 1, 4, 5, 0, ZoneOffset.UTC).toInstant(), "timestamptz");
                expect(rs.getLong("big"), 9007199254740993L, "int8");
            }
        });

        check("resultset_metadata", () -> {
            // PgJDBC asks pg_attribute about the table OID and column number of RowDescription
            try (Connection c = connect(); Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("SELECT id, name FROM " + T + "_parent LIMIT 1");
                ResultSetMetaData md = rs.getMetaData();
                expect(md.getColumnTypeName(1), "serial", "column type name of a serial column");
                expect(md.getColumnTypeName(2), "text", "column type name");
                expect(md.isNullable(2), ResultSetMetaData.columnNoNulls, "isNullable");
                expect(md.isAutoIncrement(1), true, "isAutoIncrement");
                expect(md.getTableName(2), T + "_parent", "getTableName");
            }
        });

        check("teardown", () -> {
            try (Connection c = connect()) {
                exec(c, "DROP TABLE " + T + "_child, " + T + "_parent, " + T + "_arr");
            }
        });
        System.exit(failed > 0 ? 3 : 0);
    }
}
