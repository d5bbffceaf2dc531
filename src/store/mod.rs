//! The office's memory: offices, their people and tokens, the year data's drafts as numbered
//! revisions, the register of issued documents, and the audit log, on one SQLite file (the
//! default) or a PostgreSQL server (for several instances behind a load balancer), through
//! sqlx's runtime-chosen driver.
//!
//! Every query is written once, with `$1` parameters, which both databases read; only the
//! migrations differ (`migrations/sqlite`, `migrations/postgres`), and they run on opening.

mod accounts;
mod audit;
mod drafts;
mod profiles;
mod register;
mod sessions;

pub use accounts::{Office, User};
pub use audit::Entry;
pub use drafts::{Conflict, Draft, DraftSummary, Saved};
pub use profiles::{OfficeName, StoredProfile};
pub use register::{Issue, Issued, Registered, Signature, Version};
pub use sessions::{SESSION_HOURS, Session};

use std::borrow::Cow;
use std::path::Path;

use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use crate::errors::Kind;

/// The schema's versions, oldest first: (version, description, SQLite, PostgreSQL).
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "offices accounts drafts",
        include_str!("../../migrations/sqlite/0001_offices_accounts_drafts.sql"),
        include_str!("../../migrations/postgres/0001_offices_accounts_drafts.sql"),
    ),
    (
        2,
        "sessions and login failures",
        include_str!("../../migrations/sqlite/0002_sessions_and_login_failures.sql"),
        include_str!("../../migrations/postgres/0002_sessions_and_login_failures.sql"),
    ),
    (
        3,
        "register",
        include_str!("../../migrations/sqlite/0003_register.sql"),
        include_str!("../../migrations/postgres/0003_register.sql"),
    ),
    (
        4,
        "office profiles",
        include_str!("../../migrations/sqlite/0004_office_profiles.sql"),
        include_str!("../../migrations/postgres/0004_office_profiles.sql"),
    ),
    (
        5,
        "disabled users",
        include_str!("../../migrations/sqlite/0005_disabled_users.sql"),
        include_str!("../../migrations/postgres/0005_disabled_users.sql"),
    ),
];

/// Connections one instance keeps open.
const MAX_CONNECTIONS: u32 = 8;

/// Which database a store is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// An open, migrated database.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

/// A store operation that failed: a problem to tell the user, or the database's own error.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Problem(Kind),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// The machine failed (no randomness, a hash that cannot be made).
    #[error("{0}")]
    Internal(String),
}

impl From<Kind> for StoreError {
    fn from(kind: Kind) -> Self {
        StoreError::Problem(kind)
    }
}

impl Store {
    /// Opens (creating it if need be) and migrates the database at `location`: a
    /// `postgres://` or `postgresql://` URL, or else the path of an SQLite file.
    pub async fn open(location: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let (url, backend) =
            if location.starts_with("postgres://") || location.starts_with("postgresql://") {
                (location.to_owned(), Backend::Postgres)
            } else {
                (sqlite_url(Path::new(location))?, Backend::Sqlite)
            };
        let pool = AnyPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .connect(&url)
            .await?;
        if backend == Backend::Sqlite {
            // Kept in the file: readers never wait for a writer, and a commit is durable
            // (synchronous = FULL, SQLite's default) once acknowledged.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let store = Store { pool, backend };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let migrations = MIGRATIONS
            .iter()
            .map(|&(version, description, sqlite, postgres)| {
                let sql = match self.backend {
                    Backend::Sqlite => sqlite,
                    Backend::Postgres => postgres,
                };
                Migration::new(
                    version,
                    Cow::Borrowed(description),
                    MigrationType::Simple,
                    sqlx::SqlSafeStr::into_sql_str(sql),
                    false,
                )
            })
            .collect();
        Migrator::with_migrations(migrations)
            .run(&self.pool)
            .await?;
        Ok(())
    }

    /// Writes a consistent copy of an SQLite database to `to`, while others may be writing
    /// to it; `to` must not exist.
    pub async fn backup(&self, to: &Path) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(Kind::BackupNeedsSqlite.into());
        }
        sqlx::query("VACUUM INTO $1")
            .bind(to.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

/// The URL of the SQLite file at `path`, created if missing: the absolute path, every byte
/// but plain letters, digits and `/._-` percent-encoded (sqlx decodes it back).
fn sqlite_url(path: &Path) -> Result<String, StoreError> {
    let absolute =
        std::path::absolute(path).map_err(|error| StoreError::Internal(error.to_string()))?;
    let mut url = String::from("sqlite://");
    for &byte in absolute.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url.push_str("?mode=rwc");
    Ok(url)
}

/// A database's location as it may be shown: a URL without its password.
pub fn shown_location(location: &str) -> String {
    let Some((scheme, rest)) = location.split_once("://") else {
        return location.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{}", &rest[authority_end..])
        }
        None => location.to_owned(),
    }
}

/// Now, in UTC, as RFC 3339 text to the second: how every time is stored.
fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Whether `error` is the database refusing a second row with the same unique key.
fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(error) if error.is_unique_violation())
}

/// Whether a conditional insert kept its row: not when its condition or the unique key
/// refused it.
fn kept(inserted: Result<sqlx::any::AnyQueryResult, sqlx::Error>) -> Result<bool, StoreError> {
    match inserted {
        Ok(result) => Ok(result.rows_affected() == 1),
        Err(error) if is_unique_violation(&error) => Ok(false),
        Err(error) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shown_location_has_no_password() {
        assert_eq!(
            shown_location("postgres://vanban:secret@db:5432/vanban?sslmode=disable"),
            "postgres://vanban@db:5432/vanban?sslmode=disable"
        );
        assert_eq!(
            shown_location("postgres://db/vanban"),
            "postgres://db/vanban"
        );
        assert_eq!(shown_location("data/vanban.db"), "data/vanban.db");
    }

    #[test]
    fn an_sqlite_path_is_encoded_whole() {
        let url = sqlite_url(Path::new("/srv/văn thư/a?b#c%.db")).unwrap();
        assert_eq!(
            url,
            "sqlite:///srv/v%C4%83n%20th%C6%B0/a%3Fb%23c%25.db?mode=rwc"
        );
    }
}
