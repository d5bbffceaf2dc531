-- The register of issued documents: one series of numbers per office and calendar year
-- (Decree 30, art. 15), so a number is given once in a year. Each document keeps its versions:
-- the PDF as issued (version 1), then each copy with more signatures added.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    office_id INTEGER NOT NULL REFERENCES offices (id),
    series INTEGER NOT NULL,
    number INTEGER NOT NULL,
    symbol TEXT NOT NULL,
    kind TEXT NOT NULL,
    dated TEXT NOT NULL,
    data_year INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    issued_by INTEGER NOT NULL REFERENCES users (id),
    issued_at TEXT NOT NULL,
    UNIQUE (office_id, series, number)
);

CREATE TABLE document_versions (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    version INTEGER NOT NULL,
    pdf BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    fields TEXT NOT NULL,
    added_by INTEGER NOT NULL REFERENCES users (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (document_id, version)
);
