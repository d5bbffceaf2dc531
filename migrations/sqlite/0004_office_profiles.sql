-- Each office's profile: the parts of its year data that stay from year to year (the issuing
-- body, the signer, the recipients…), as JSON, with who saved it last and when.
CREATE TABLE office_profiles (
    office_id INTEGER PRIMARY KEY REFERENCES offices (id),
    profile TEXT NOT NULL,
    saved_by INTEGER NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL
);
