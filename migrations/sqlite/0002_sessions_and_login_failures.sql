-- Sessions of the page (a cookie's SHA-256, its CSRF token, when it ends) and the failed
-- logins that slow the next ones.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE INDEX login_failures_by_login ON login_failures (login, at);
