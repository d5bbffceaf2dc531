//! The year data's drafts: saved per office and year as numbered revisions (1, 2, …), each
//! kept. A save names the revision it was edited from; if another was saved since, it is
//! refused with what changed, so that two clerks editing at once never lose each other's work.
//! The database's unique key (office, year, revision) decides between two saves at once, on
//! one instance or several.

use serde_json::Value;
use sqlx::Row;

use super::{Office, Store, StoreError, User, audit, kept, now};
use crate::errors::Kind;
use crate::model::child_path;

/// How many changed places a refused save lists.
const MAX_CHANGES: usize = 50;

/// A revision of a year's data.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Draft {
    pub year: i64,
    pub revision: i64,
    pub saved_at: String,
    pub saved_by: String,
    pub data: Value,
}

/// A revision without its data, as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DraftSummary {
    pub year: i64,
    pub revision: i64,
    pub saved_at: String,
    pub saved_by: String,
}

/// A save that was kept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Saved {
    pub year: i64,
    pub revision: i64,
    pub saved_at: String,
}

/// A save refused because the year was saved since the revision it was edited from.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub current: DraftSummary,
    /// Where the current revision differs from the one the edit started from, as JSON paths.
    pub changes: Vec<String>,
}

impl Store {
    /// Saves `data` as `office`'s next revision of `year`, by `user`, if `base` (0 for none)
    /// is the latest; else the [`Conflict`]: the latest revision and what changed since `base`.
    pub async fn save_draft(
        &self,
        user: &User,
        year: i64,
        base: i64,
        data: &Value,
    ) -> Result<Result<Saved, Conflict>, StoreError> {
        let text = serde_json::to_string(data).map_err(|e| StoreError::Internal(e.to_string()))?;
        let saved_at = now();
        let revision = base + 1;
        let mut transaction = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO drafts (office_id, year, revision, data, saved_by, saved_at) \
             SELECT $1, $2, $3, $4, $5, $6 \
             WHERE (SELECT COALESCE(MAX(revision), 0) FROM drafts \
                    WHERE office_id = $1 AND year = $2) = $7",
        )
        .bind(user.office.id)
        .bind(year)
        .bind(revision)
        .bind(text)
        .bind(user.id)
        .bind(saved_at.clone())
        .bind(base)
        .execute(&mut *transaction)
        .await;
        if !kept(inserted)? {
            transaction.rollback().await?;
            return Ok(Err(self.conflict(user.office.id, year, base).await?));
        }
        let subject = format!("{year} revision {revision}");
        audit::record(&mut *transaction, user, "draft.save", &subject).await?;
        transaction.commit().await?;
        Ok(Ok(Saved {
            year,
            revision,
            saved_at,
        }))
    }

    /// Why a save from `base` was refused: the latest revision, and where it differs from
    /// `base`'s data (nothing to compare with when `base` is none).
    async fn conflict(&self, office: i64, year: i64, base: i64) -> Result<Conflict, StoreError> {
        let current = self.draft(office, year, None).await?;
        let mut changes = Vec::new();
        if base > 0 {
            let before = self.draft(office, year, Some(base)).await?.data;
            changed(&before, &current.data, "$", &mut changes);
        }
        Ok(Conflict {
            current: current.summary(),
            changes,
        })
    }

    /// `office`'s data for `year`: the latest revision, or `revision`.
    pub async fn draft(
        &self,
        office: i64,
        year: i64,
        revision: Option<i64>,
    ) -> Result<Draft, StoreError> {
        let row = sqlx::query(
            "SELECT drafts.revision, drafts.saved_at, users.login, drafts.data \
             FROM drafts JOIN users ON users.id = drafts.saved_by \
             WHERE drafts.office_id = $1 AND drafts.year = $2 \
               AND ($3 < 0 OR drafts.revision = $3) \
             ORDER BY drafts.revision DESC LIMIT 1",
        )
        .bind(office)
        .bind(year)
        .bind(revision.unwrap_or(-1))
        .fetch_optional(&self.pool)
        .await?
        .ok_or(match revision {
            Some(revision) => Kind::NoSuchRevision { year, revision },
            None => Kind::NoSuchDraft { year },
        })?;
        let text: String = row.try_get(3)?;
        Ok(Draft {
            year,
            revision: row.try_get(0)?,
            saved_at: row.try_get(1)?,
            saved_by: row.try_get(2)?,
            data: serde_json::from_str(&text).map_err(|e| StoreError::Internal(e.to_string()))?,
        })
    }

    /// `office`'s years, each with its latest revision, newest year first.
    pub async fn drafts(&self, office: i64) -> Result<Vec<DraftSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT drafts.year, drafts.revision, drafts.saved_at, users.login \
             FROM drafts JOIN users ON users.id = drafts.saved_by \
             WHERE drafts.office_id = $1 AND drafts.revision = \
               (SELECT MAX(revision) FROM drafts AS later \
                WHERE later.office_id = drafts.office_id AND later.year = drafts.year) \
             ORDER BY drafts.year DESC",
        )
        .bind(office)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(summary_of).collect()
    }

    /// The latest data for `year` of each office directly under `office`, as stored (JSON
    /// text), with the office, by code; the offices with no draft for `year` are left out.
    pub async fn subordinate_drafts(
        &self,
        office: i64,
        year: i64,
    ) -> Result<Vec<(Office, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT offices.id, offices.code, offices.name, drafts.data FROM offices \
             JOIN drafts ON drafts.office_id = offices.id \
             WHERE offices.parent_id = $1 AND drafts.year = $2 AND drafts.revision = \
               (SELECT MAX(revision) FROM drafts AS later \
                WHERE later.office_id = drafts.office_id AND later.year = drafts.year) \
             ORDER BY offices.code",
        )
        .bind(office)
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let office = Office {
                    id: row.try_get(0)?,
                    code: row.try_get(1)?,
                    name: row.try_get(2)?,
                };
                Ok((office, row.try_get(3)?))
            })
            .collect()
    }

    /// Every revision of `office`'s `year`, newest first.
    pub async fn revisions(&self, office: i64, year: i64) -> Result<Vec<DraftSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT drafts.year, drafts.revision, drafts.saved_at, users.login \
             FROM drafts JOIN users ON users.id = drafts.saved_by \
             WHERE drafts.office_id = $1 AND drafts.year = $2 ORDER BY drafts.revision DESC",
        )
        .bind(office)
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        if rows.is_empty() {
            return Err(Kind::NoSuchDraft { year }.into());
        }
        rows.iter().map(summary_of).collect()
    }
}

fn summary_of(row: &sqlx::any::AnyRow) -> Result<DraftSummary, StoreError> {
    Ok(DraftSummary {
        year: row.try_get(0)?,
        revision: row.try_get(1)?,
        saved_at: row.try_get(2)?,
        saved_by: row.try_get(3)?,
    })
}

impl Draft {
    fn summary(&self) -> DraftSummary {
        DraftSummary {
            year: self.year,
            revision: self.revision,
            saved_at: self.saved_at.clone(),
            saved_by: self.saved_by.clone(),
        }
    }
}

/// Adds to `changes` (up to [`MAX_CHANGES`]) the paths under `path` where `after` differs
/// from `before`: the fields and items themselves, not the groups that hold them.
fn changed(before: &Value, after: &Value, path: &str, changes: &mut Vec<String>) {
    if changes.len() >= MAX_CHANGES || before == after {
        return;
    }
    match (before, after) {
        (Value::Object(old), Value::Object(new)) => {
            let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let missing = Value::Null;
                let old = old.get(key).unwrap_or(&missing);
                let new = new.get(key).unwrap_or(&missing);
                changed(old, new, &child_path(path, key), changes);
            }
        }
        (Value::Array(old), Value::Array(new)) => {
            for index in 0..old.len().max(new.len()) {
                let missing = Value::Null;
                let old = old.get(index).unwrap_or(&missing);
                let new = new.get(index).unwrap_or(&missing);
                changed(old, new, &format!("{path}[{index}]"), changes);
            }
        }
        _ => changes.push(path.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn changes_are_the_fields_that_differ() {
        let before =
            json!({"year": 2023, "signer": {"name": "A", "title": "T"}, "recipients": ["X"]});
        let after = json!({"year": 2023, "signer": {"name": "B", "title": "T"}, "recipients": ["X", "Y"], "lessons": ["L"]});
        let mut changes = Vec::new();
        changed(&before, &after, "$", &mut changes);
        assert_eq!(changes, ["$.lessons", "$.recipients[1]", "$.signer.name"]);
    }
}
