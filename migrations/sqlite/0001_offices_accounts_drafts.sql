-- Offices, their people and their tokens, the year data's drafts as numbered revisions, and
-- the audit log. Times are UTC, as RFC 3339 text.
CREATE TABLE offices (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES offices (id),
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    office_id INTEGER NOT NULL REFERENCES offices (id),
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    digest TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE drafts (
    office_id INTEGER NOT NULL REFERENCES offices (id),
    year INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    data TEXT NOT NULL,
    saved_by INTEGER NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (office_id, year, revision)
);

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    office_id INTEGER NOT NULL REFERENCES offices (id),
    login TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL
);

CREATE INDEX audit_by_office ON audit (office_id, id);
