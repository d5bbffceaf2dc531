//! Logging in with a password: sessions for the page (kept as the SHA-256 of the cookie, with
//! a CSRF token, ending after [`SESSION_HOURS`]), and failed logins, of which a few in a short
//! while make the next attempts wait.

use argon2::Argon2;
use argon2::password_hash::PasswordVerifier;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use sqlx::Row;

use super::accounts::{DUMMY_HASH, digest, random_token};
use super::{Store, StoreError, User, now};
use crate::errors::Kind;

/// How long a session lasts: a working day and then some.
pub const SESSION_HOURS: i64 = 12;

/// Failed logins of one login within [`FAILURE_WINDOW_MINUTES`] after which the next are
/// refused, whatever the password, until the oldest of them leaves the window.
const MAX_FAILURES: i64 = 5;
const FAILURE_WINDOW_MINUTES: i64 = 15;

/// What a session cookie starts with.
const SESSION_PREFIX: &str = "vs_";

/// A new session: its cookie value (shown this once) and its CSRF token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token: String,
    pub csrf: String,
    pub user: User,
}

fn time_in(offset: Duration) -> String {
    (DateTime::<Utc>::from(std::time::SystemTime::now()) + offset)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Store {
    /// Logs `login` in with `password`: a new session, or [`Kind::WrongLogin`] (the same for
    /// an unknown login, which takes as long), or [`Kind::TooManyLogins`] after
    /// [`MAX_FAILURES`] failures in the window, without looking at the password.
    pub async fn log_in(&self, login: &str, password: &str) -> Result<Session, StoreError> {
        let since = time_in(Duration::minutes(-FAILURE_WINDOW_MINUTES));
        let failures: i64 =
            sqlx::query("SELECT COUNT(*) FROM login_failures WHERE login = $1 AND at > $2")
                .bind(login.to_owned())
                .bind(since)
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?;
        if failures >= MAX_FAILURES {
            return Err(Kind::TooManyLogins {
                minutes: FAILURE_WINDOW_MINUTES,
            }
            .into());
        }
        let hash: Option<String> =
            sqlx::query("SELECT password_hash FROM users WHERE login = $1 AND disabled_at IS NULL")
                .bind(login.to_owned())
                .fetch_optional(&self.pool)
                .await?
                .map(|row| row.try_get(0))
                .transpose()?;
        let verified = Argon2::default()
            .verify_password(password.as_bytes(), hash.as_deref().unwrap_or(&DUMMY_HASH))
            .is_ok();
        if !(verified && hash.is_some()) {
            sqlx::query("INSERT INTO login_failures (login, at) VALUES ($1, $2)")
                .bind(login.to_owned())
                .bind(now())
                .execute(&self.pool)
                .await?;
            return Err(Kind::WrongLogin.into());
        }
        sqlx::query("DELETE FROM login_failures WHERE login = $1")
            .bind(login.to_owned())
            .execute(&self.pool)
            .await?;
        let user = self.user(login).await?;
        let token = format!("{SESSION_PREFIX}{}", random_token()?);
        let csrf = random_token()?;
        sqlx::query(
            "INSERT INTO sessions (digest, user_id, csrf, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(digest(&token))
        .bind(user.id)
        .bind(csrf.clone())
        .bind(now())
        .bind(time_in(Duration::hours(SESSION_HOURS)))
        .execute(&self.pool)
        .await?;
        self.record(&user, "session.open", login).await?;
        Ok(Session { token, csrf, user })
    }

    /// The person and CSRF token of a session cookie still valid.
    pub async fn session(&self, token: &str) -> Result<Option<(User, String)>, StoreError> {
        if !token.starts_with(SESSION_PREFIX) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT users.login, sessions.csrf FROM sessions \
             JOIN users ON users.id = sessions.user_id \
             WHERE sessions.digest = $1 AND sessions.expires_at > $2 \
             AND users.disabled_at IS NULL",
        )
        .bind(digest(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let login: String = row.try_get(0)?;
        Ok(Some((self.user(&login).await?, row.try_get(1)?)))
    }

    /// Ends a session (logging out), and every session past its end.
    pub async fn end_session(&self, token: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE digest = $1 OR expires_at <= $2")
            .bind(digest(token))
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
