//! Offices (issuing bodies, each under the office that supervises it), their people with
//! argon2-hashed passwords, and bearer tokens for scripts, kept only as their SHA-256.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::PasswordHasher;
use sqlx::Row;

use super::{Store, StoreError, is_unique_violation, now};
use crate::digest::sha256_hex;
use crate::errors::Kind;

/// The shortest password accepted.
const MIN_PASSWORD_CHARS: usize = 10;

/// How many offices up a supervising office may be: a province over its districts over
/// their communes, and a little more.
const MAX_LEVELS: usize = 8;

/// What a token starts with, so that one pasted into the wrong place is recognised.
const TOKEN_PREFIX: &str = "vb_";

/// An office: its short code (`tam-ky`), its name, and its row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub id: i64,
    pub code: String,
    pub name: String,
}

/// A person who may log in, and their office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub login: String,
    pub office: Office,
}

/// The PHC string of `password` hashed with Argon2id and a fresh salt.
fn hash_password(password: &str) -> Result<String, StoreError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(Kind::PasswordTooShort {
            min: MIN_PASSWORD_CHARS,
        }
        .into());
    }
    let hash = Argon2::default()
        .hash_password(password.as_bytes())
        .map_err(|error| StoreError::Internal(error.to_string()))?;
    Ok(hash.to_string())
}

/// 32 random bytes as 64 hexadecimal digits.
pub(super) fn random_token() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| StoreError::Internal(error.to_string()))?;
    Ok(hex(&bytes))
}

/// A new bearer token: `vb_` and 64 hexadecimal digits.
fn new_token() -> Result<String, StoreError> {
    Ok(format!("{TOKEN_PREFIX}{}", random_token()?))
}

/// A hash no password matches in practice, checked against when a login does not exist, so
/// that such a login takes as long to refuse as a wrong password.
pub(super) static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password("no one's password, only its time").unwrap_or_default());

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// How a token or session is stored: its SHA-256, in hexadecimal.
pub(super) fn digest(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// A query of people with their offices, the columns [`user_of`] reads, then `$rest`.
macro_rules! users_where {
    ($rest:literal) => {
        concat!(
            "SELECT users.id, users.login, offices.id, offices.code, offices.name \
             FROM users JOIN offices ON offices.id = users.office_id ",
            $rest
        )
    };
}

fn user_of(row: &sqlx::any::AnyRow) -> Result<User, sqlx::Error> {
    Ok(User {
        id: row.try_get(0)?,
        login: row.try_get(1)?,
        office: Office {
            id: row.try_get(2)?,
            code: row.try_get(3)?,
            name: row.try_get(4)?,
        },
    })
}

impl Store {
    /// Adds an office, under the office `parent` (by code) when it has one.
    pub async fn add_office(
        &self,
        code: &str,
        name: &str,
        parent: Option<&str>,
    ) -> Result<Office, StoreError> {
        if !is_code(code) {
            return Err(Kind::NotAnOfficeCode {
                found: code.to_owned(),
            }
            .into());
        }
        let parent_id = match parent {
            Some(parent) => Some(self.office(parent).await?.id),
            None => None,
        };
        let row = sqlx::query(
            "INSERT INTO offices (code, name, parent_id, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(code.to_owned())
        .bind(name.to_owned())
        .bind(parent_id)
        .bind(now())
        .fetch_one(&self.pool)
        .await
        .map_err(|error| {
            taken_or(error, || Kind::OfficeExists {
                code: code.to_owned(),
            })
        })?;
        Ok(Office {
            id: row.try_get(0)?,
            code: code.to_owned(),
            name: name.to_owned(),
        })
    }

    /// The office with `code`.
    pub async fn office(&self, code: &str) -> Result<Office, StoreError> {
        let row = sqlx::query("SELECT id, code, name FROM offices WHERE code = $1")
            .bind(code.to_owned())
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| Kind::NoSuchOffice {
                code: code.to_owned(),
            })?;
        Ok(Office {
            id: row.try_get(0)?,
            code: row.try_get(1)?,
            name: row.try_get(2)?,
        })
    }

    /// The office with `code`, if `user` may read it: their own, or one their office
    /// supervises (directly or through others). Any other is "no such office", so that a
    /// clerk cannot tell another office's code from a wrong one.
    pub async fn readable_office(&self, user: &User, code: &str) -> Result<Office, StoreError> {
        let hidden = || {
            StoreError::Problem(Kind::NoSuchOffice {
                code: code.to_owned(),
            })
        };
        let office = self.office(code).await.map_err(|_| hidden())?;
        let mut current = Some(office.id);
        for _ in 0..MAX_LEVELS {
            match current {
                Some(id) if id == user.office.id => return Ok(office),
                Some(id) => {
                    current = sqlx::query("SELECT parent_id FROM offices WHERE id = $1")
                        .bind(id)
                        .fetch_one(&self.pool)
                        .await?
                        .try_get(0)?;
                }
                None => break,
            }
        }
        Err(hidden())
    }

    /// Adds a person to the office `office` (by code).
    pub async fn add_user(
        &self,
        login: &str,
        office: &str,
        password: &str,
    ) -> Result<User, StoreError> {
        if !is_code(login) {
            return Err(Kind::NotALogin {
                found: login.to_owned(),
            }
            .into());
        }
        let office = self.office(office).await?;
        let hash = hash_password(password)?;
        let row = sqlx::query(
            "INSERT INTO users (login, office_id, password_hash, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(login.to_owned())
        .bind(office.id)
        .bind(hash)
        .bind(now())
        .fetch_one(&self.pool)
        .await
        .map_err(|error| {
            taken_or(error, || Kind::LoginExists {
                login: login.to_owned(),
            })
        })?;
        let user = User {
            id: row.try_get(0)?,
            login: login.to_owned(),
            office,
        };
        self.record(&user, "user.add", login).await?;
        Ok(user)
    }

    /// The person who logs in as `login`.
    pub async fn user(&self, login: &str) -> Result<User, StoreError> {
        let row = sqlx::query(users_where!("WHERE users.login = $1"))
            .bind(login.to_owned())
            .fetch_optional(&self.pool)
            .await?
            .ok_or_else(|| Kind::NoSuchLogin {
                login: login.to_owned(),
            })?;
        Ok(user_of(&row)?)
    }

    /// Gives `login` a new password.
    pub async fn set_password(&self, login: &str, password: &str) -> Result<(), StoreError> {
        let user = self.user(login).await?;
        let hash = hash_password(password)?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user.id)
            .execute(&self.pool)
            .await?;
        self.record(&user, "user.passwd", login).await
    }

    /// Disables `login` (they may no longer log in; their sessions and tokens are deleted
    /// with it, in one transaction) or enables them again.
    pub async fn set_disabled(&self, login: &str, disabled: bool) -> Result<(), StoreError> {
        let user = self.user(login).await?;
        let mut transaction = self.pool.begin().await?;
        sqlx::query("UPDATE users SET disabled_at = $1 WHERE id = $2")
            .bind(disabled.then(now))
            .bind(user.id)
            .execute(&mut *transaction)
            .await?;
        if disabled {
            for table in [
                "DELETE FROM sessions WHERE user_id = $1",
                "DELETE FROM tokens WHERE user_id = $1",
            ] {
                sqlx::query(table)
                    .bind(user.id)
                    .execute(&mut *transaction)
                    .await?;
            }
        }
        let action = if disabled {
            "user.disable"
        } else {
            "user.enable"
        };
        super::audit::record(&mut *transaction, &user, action, login).await?;
        transaction.commit().await?;
        Ok(())
    }

    /// A new bearer token for `login`, labelled `label`; only its digest is kept, so it is
    /// shown this once.
    pub async fn add_token(&self, login: &str, label: &str) -> Result<String, StoreError> {
        let user = self.user(login).await?;
        let disabled: Option<String> = sqlx::query("SELECT disabled_at FROM users WHERE id = $1")
            .bind(user.id)
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?;
        if disabled.is_some() {
            return Err(Kind::UserDisabled {
                login: login.to_owned(),
            }
            .into());
        }
        let token = new_token()?;
        sqlx::query(
            "INSERT INTO tokens (user_id, digest, label, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(user.id)
        .bind(digest(&token))
        .bind(label.to_owned())
        .bind(now())
        .execute(&self.pool)
        .await?;
        self.record(&user, "token.add", label).await?;
        Ok(token)
    }

    /// The labels of `login`'s tokens and when each was made, oldest first.
    pub async fn tokens(&self, login: &str) -> Result<Vec<(String, String)>, StoreError> {
        let user = self.user(login).await?;
        let rows = sqlx::query(
            "SELECT label, created_at FROM tokens WHERE user_id = $1 ORDER BY created_at, id",
        )
        .bind(user.id)
        .fetch_all(&self.pool)
        .await?;
        let token = |row: &sqlx::any::AnyRow| Ok((row.try_get(0)?, row.try_get(1)?));
        Ok(rows.iter().map(token).collect::<Result<_, sqlx::Error>>()?)
    }

    /// Revokes `login`'s tokens labelled `label` (a lost one), keeping the others: how many.
    pub async fn revoke_tokens(&self, login: &str, label: &str) -> Result<u64, StoreError> {
        let user = self.user(login).await?;
        let mut transaction = self.pool.begin().await?;
        let revoked = sqlx::query("DELETE FROM tokens WHERE user_id = $1 AND label = $2")
            .bind(user.id)
            .bind(label.to_owned())
            .execute(&mut *transaction)
            .await?
            .rows_affected();
        if revoked == 0 {
            return Err(Kind::NoSuchToken {
                login: login.to_owned(),
                label: label.to_owned(),
            }
            .into());
        }
        super::audit::record(&mut *transaction, &user, "token.revoke", label).await?;
        transaction.commit().await?;
        Ok(revoked)
    }

    /// The person a bearer token belongs to, if it is one.
    pub async fn token_user(&self, token: &str) -> Result<Option<User>, StoreError> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let row = sqlx::query(users_where!(
            "JOIN tokens ON tokens.user_id = users.id \
             WHERE tokens.digest = $1 AND users.disabled_at IS NULL"
        ))
        .bind(digest(token))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| user_of(&row)).transpose()?)
    }
}

/// The problem `taken` names when `error` is the database refusing a name already taken;
/// else the error itself.
fn taken_or(error: sqlx::Error, taken: impl FnOnce() -> Kind) -> StoreError {
    if is_unique_violation(&error) {
        StoreError::Problem(taken())
    } else {
        error.into()
    }
}

/// Whether `text` is a code or login: lowercase ASCII letters and digits, joined by single
/// `-`, `_` or `.`, 2 to 64 characters.
fn is_code(text: &str) -> bool {
    (2..=64).contains(&text.len())
        && text.split(['-', '_', '.']).all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_logins() {
        for good in ["tam-ky", "an-my", "nguyen.van.a", "p1", "ban_chqs"] {
            assert!(is_code(good), "{good}");
        }
        for bad in [
            "",
            "a",
            "Tam-Ky",
            "tam ky",
            "-x",
            "x--y",
            "tâm",
            "a'; drop table users",
        ] {
            assert!(!is_code(bad), "{bad}");
        }
    }

    #[test]
    fn tokens_are_random_and_kept_as_digests() {
        let first = new_token().unwrap();
        let second = new_token().unwrap();
        assert_ne!(first, second);
        assert!(first.starts_with("vb_") && first.len() == 3 + 64, "{first}");
        assert_eq!(digest(&first).len(), 64);
        assert_ne!(digest(&first), first[3..]);
    }

    #[test]
    fn a_short_password_is_refused() {
        assert!(matches!(
            hash_password("ngắn"),
            Err(StoreError::Problem(Kind::PasswordTooShort { .. }))
        ));
        let hash = hash_password("một mật khẩu dài").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
    }
}
