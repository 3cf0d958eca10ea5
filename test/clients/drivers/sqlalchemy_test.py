"""SQLAlchemy (Debian's python3-sqlalchemy, 1.4) on psycopg2 as its users use it: the engine's
start-up (which reads pg_type for hstore's oids, and the server's settings), MetaData.create_all,
the Inspector's reflection of tables, columns, keys and indexes (all through pg_catalog
queries), and the ORM.
    /usr/bin/python3 sqlalchemy_test.py PORT"""
import datetime
import sys

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects import postgresql

from harness import DB, HOST, PORT, TAG, USER, check, expect, results

T = "drv_sa_%s" % TAG
URL = "postgresql+psycopg2://%s@%s:%d/%s" % (USER, HOST, PORT, DB)

Base = orm.declarative_base()


class Author(Base):
    __tablename__ = T + "_author"
    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(50), nullable=False, unique=True)
    email = sa.Column(sa.Text)
    created = sa.Column(sa.DateTime, nullable=False, server_default=sa.func.now())
    status = sa.Column(sa.Enum("active", "retired", name=T + "_status"), server_default="active")
    books = orm.relationship("Book", back_populates="author", cascade="all, delete-orphan")


class Book(Base):
    __tablename__ = T + "_book"
    id = sa.Column(sa.Integer, primary_key=True)
    author_id = sa.Column(sa.Integer, sa.ForeignKey(Author.id, ondelete="CASCADE"), nullable=False, index=True)
    title = sa.Column(sa.String(200), nullable=False)
    isbn = sa.Column(sa.String(13))
    price = sa.Column(sa.Numeric(8, 2), sa.CheckConstraint("price >= 0", name=T + "_price_ck"))
    tags = sa.Column(postgresql.ARRAY(sa.Text))
    meta = sa.Column(postgresql.JSONB)
    author = orm.relationship(Author, back_populates="books")
    __table_args__ = (sa.UniqueConstraint("author_id", "title", name=T + "_book_author_title"),
                      sa.Index(T + "_book_isbn_idx", "isbn", unique=True))

def engine():
    return sa.create_engine(URL, future=True)


def t_engine_connect():
    e = engine()
    with e.connect() as c:
        expect(c.execute(sa.text("SELECT 1")).scalar(), 1, "select 1")
        expect(c.dialect.server_version_info[0], 15, "server_version_info")
        expect(c.execute(sa.text("SELECT current_schema()")).scalar(), "public", "current_schema")
    # the psycopg2 dialect looked up hstore's oids in pg_type: none without the extension
    expect(e.dialect._has_native_hstore, False, "has_native_hstore (hstore is not installed)")
    e.dispose()


def t_create_all():
    e = engine()
    Base.metadata.drop_all(e)
    Base.metadata.create_all(e)
    insp = sa.inspect(e)
    for t in (Author.__tablename__, Book.__tablename__):
        if not insp.has_table(t):
            raise AssertionError("has_table(%s) is false after create_all" % t)
    # a second create_all finds everything there and creates nothing
    Base.metadata.create_all(e)
    e.dispose()


def t_table_names():
    insp = sa.inspect(engine())
    names = insp.get_table_names()
    for t in (Author.__tablename__, Book.__tablename__):
        if t not in names:
            raise AssertionError("%s missing from get_table_names(): %r" % (t, names))
    if Author.__tablename__ in insp.get_view_names():
        raise AssertionError("table listed as a view")
    expect("public" in insp.get_schema_names(), True, "public in get_schema_names")


def t_columns():
    insp = sa.inspect(engine())
    cols = {c["name"]: c for c in insp.get_columns(Author.__tablename__)}
    expect(list(cols), ["id", "name", "email", "created", "status"], "author columns")
    expect(type(cols["id"]["type"]).__name__, "INTEGER", "id type")
    if not (cols["id"]["default"] or "").startswith("nextval("):
        raise AssertionError("id default %r" % cols["id"]["default"])
    expect(cols["id"]["nullable"], False, "id nullable")
    expect(type(cols["name"]["type"]).__name__, "VARCHAR", "name type")
    expect(cols["name"]["type"].length, 50, "name length")
    expect(cols["name"]["nullable"], False, "name nullable")
    expect(type(cols["email"]["type"]).__name__, "TEXT", "email type")
    expect(cols["email"]["nullable"], True, "email nullable")
    expect(type(cols["created"]["type"]).__name__, "TIMESTAMP", "created type")
    expect(cols["created"]["default"], "now()", "created default")
    expect(type(cols["status"]["type"]).__name__, "ENUM", "status type")
    expect(list(cols["status"]["type"].enums), ["active", "retired"], "status enum labels")
    bcols = {c["name"]: c for c in insp.get_columns(Book.__tablename__)}
    expect((bcols["price"]["type"].precision, bcols["price"]["type"].scale), (8, 2), "price numeric(8,2)")
    expect(type(bcols["tags"]["type"]).__name__, "ARRAY", "tags type")
    expect(type(bcols["tags"]["type"].item_type).__name__, "TEXT", "tags item type")
    expect(type(bcols["meta"]["type"]).__name__, "JSONB", "meta type")
    enums = {x["name"]: x for x in insp.get_enums()}
    expect(enums[T + "_status"]["labels"], ["active", "retired"], "get_enums labels")


def t_pk():
    insp = sa.inspect(engine())
    pk = insp.get_pk_constraint(Book.__tablename__)
    expect(pk["constrained_columns"], ["id"], "pk columns")
    expect(pk["name"], Book.__tablename__ + "_pkey", "pk name")


def t_foreign_keys():
    insp = sa.inspect(engine())
    fks = insp.get_foreign_keys(Book.__tablename__)
    expect(len(fks), 1, "number of foreign keys")
    fk = fks[0]
    expect((fk["constrained_columns"], fk["referred_table"], fk["referred_columns"]),
           (["author_id"], Author.__tablename__, ["id"]), "foreign key")
    expect(fk["name"], Book.__tablename__ + "_author_id_fkey", "fk name")
    expect(fk["options"].get("ondelete"), "CASCADE", "ondelete")
    expect(insp.get_foreign_keys(Author.__tablename__), [], "author's foreign keys")


def t_indexes():
    insp = sa.inspect(engine())
    idx = {i["name"]: i for i in insp.get_indexes(Book.__tablename__)}
    want = {"ix_%s_author_id" % Book.__tablename__: (["author_id"], False),
            T + "_book_isbn_idx": (["isbn"], True)}
    for name, (cols, uniq) in want.items():
        if name not in idx:
            raise AssertionError("index %s missing: %r" % (name, sorted(idx)))
        expect((idx[name]["column_names"], bool(idx[name]["unique"])), (cols, uniq), name)
    # the unique constraint's index is listed too, with duplicates_constraint
    u = idx.get(T + "_book_author_title")
    if not u or u["column_names"] != ["author_id", "title"] or not u["unique"]:
        raise AssertionError("unique constraint's index: %r" % (u,))


def t_unique_and_check():
    insp = sa.inspect(engine())
    uqs = {u["name"]: u["column_names"] for u in insp.get_unique_constraints(Book.__tablename__)}
    expect(uqs, {T + "_book_author_title": ["author_id", "title"]}, "book unique constraints")
    uqs = {u["name"]: u["column_names"] for u in insp.get_unique_constraints(Author.__tablename__)}
    expect(uqs, {Author.__tablename__ + "_name_key": ["name"]}, "author unique constraints")
    cks = insp.get_check_constraints(Book.__tablename__)
    expect([(c["name"], c["sqltext"]) for c in cks], [(T + "_price_ck", "price >= (0)::numeric")], "check constraints")


def t_reflect():
    md = sa.MetaData()
    book = sa.Table(Book.__tablename__, md, autoload_with=engine())
    expect([c.name for c in book.columns], ["id", "author_id", "title", "isbn", "price", "tags", "meta"], "columns")
    expect([fk.target_fullname for fk in book.foreign_keys], [Author.__tablename__ + ".id"], "reflected fk")
    expect(Author.__tablename__ in md.tables, True, "referred table reflected too")


def t_orm():
    e = engine()
    S = orm.sessionmaker(e, future=True)
    with S() as s:
        a = Author(name="Ursula", email="u@example.org")
        a.books = [Book(title="The Dispossessed", price=9.5, tags=["sf", "anarchy"], meta={"year": 1974}),
                   Book(title="A Wizard of Earthsea", price=7, tags=["fantasy"], isbn="9780553383041")]
        s.add(a)
        s.add(Author(name="Stanislaw"))
        s.commit()
        expect(isinstance(a.id, int), True, "id from RETURNING")
    with S() as s:
        a = s.execute(sa.select(Author).where(Author.name == "Ursula")).scalar_one()
        expect(isinstance(a.created, datetime.datetime), True, "server default now()")
        expect(a.status, "active", "server default enum")
        expect(sorted(b.title for b in a.books), ["A Wizard of Earthsea", "The Dispossessed"], "relationship")
        rows = s.execute(sa.select(Author.name, sa.func.count(Book.id)).outerjoin(Book)
                         .group_by(Author.name).order_by(Author.name)).all()
        expect([tuple(r) for r in rows], [("Stanislaw", 0), ("Ursula", 2)], "outer join + group by")
        b = s.execute(sa.select(Book).options(orm.joinedload(Book.author))
                      .where(Book.tags.contains(["sf"]))).scalar_one()
        expect((b.title, b.author.name, b.meta["year"]), ("The Dispossessed", "Ursula", 1974), "joinedload + array @>")
        b.price = 11
        s.commit()
        expect(float(s.execute(sa.select(sa.func.sum(Book.price))).scalar()), 18.0, "sum after update")
        s.delete(a)
        s.commit()
        expect(s.execute(sa.select(sa.func.count()).select_from(Book)).scalar(), 0, "cascade delete")
    with S() as s:
        try:
            s.add_all([Author(name="dup"), Author(name="dup")])
            s.commit()
            raise AssertionError("no IntegrityError")
        except sa.exc.IntegrityError as ex:
            expect(ex.orig.pgcode, "23505", "pgcode")
            s.rollback()
        expect(s.execute(sa.select(sa.func.count()).select_from(Author)).scalar(), 1, "after rollback")
    e.dispose()


def t_drop_all():
    e = engine()
    Base.metadata.drop_all(e)
    insp = sa.inspect(e)
    if insp.has_table(Author.__tablename__) or insp.has_table(Book.__tablename__):
        raise AssertionError("tables still there after drop_all")
    if T + "_status" in [x["name"] for x in insp.get_enums()]:
        raise AssertionError("enum type still there after drop_all")
    e.dispose()


def main():
    for name, fn in [("engine_connect", t_engine_connect), ("create_all", t_create_all),
                     ("inspect_table_names", t_table_names), ("inspect_columns", t_columns),
                     ("inspect_pk", t_pk), ("inspect_foreign_keys", t_foreign_keys),
                     ("inspect_indexes", t_indexes), ("inspect_unique_check", t_unique_and_check),
                     ("reflect_table", t_reflect), ("orm_session", t_orm), ("drop_all", t_drop_all)]:
        check("sqlalchemy." + name, fn)


if __name__ == "__main__":
    main()
    sys.exit(3 if results["fail"] else 0)
