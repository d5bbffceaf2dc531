//! The audit log: every change, who made it, when, and to what.

use sqlx::Row;

use super::{Store, StoreError, User, now};

/// How many entries one listing gives, newest first.
pub const AUDIT_PAGE: i64 = 200;

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub at: String,
    pub login: String,
    /// What was done: `draft.save`, `office.profile`, `document.issue`, `user.add`, …
    pub action: String,
    /// What it was done to: a year and revision, a login, a token's label.
    pub subject: String,
}

impl Store {
    /// Records that `user` did `action` to `subject`, in their office's log.
    pub(super) async fn record(
        &self,
        user: &User,
        action: &'static str,
        subject: &str,
    ) -> Result<(), StoreError> {
        record(&self.pool, user, action, subject).await
    }

    /// The newest entries of `office`'s log.
    pub async fn audit(&self, office: i64) -> Result<Vec<Entry>, StoreError> {
        let rows = sqlx::query(
            "SELECT at, login, action, subject FROM audit WHERE office_id = $1 \
             ORDER BY id DESC LIMIT $2",
        )
        .bind(office)
        .bind(AUDIT_PAGE)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Entry {
                    at: row.try_get(0)?,
                    login: row.try_get(1)?,
                    action: row.try_get(2)?,
                    subject: row.try_get(3)?,
                })
            })
            .collect()
    }
}

/// Records a change on `executor`: the pool, or the transaction that makes the change.
pub(super) async fn record<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user: &User,
    action: &'static str,
    subject: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit (at, office_id, login, action, subject) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(now())
    .bind(user.office.id)
    .bind(user.login.clone())
    .bind(action)
    .bind(subject.to_owned())
    .execute(executor)
    .await?;
    Ok(())
}
