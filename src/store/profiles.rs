//! Each office's profile ([`crate::model::Profile`]): one per office, replaced by each save,
//! which the audit log records.

use serde_json::Value;
use sqlx::Row;

use super::{Office, Store, StoreError, User, audit, now};

/// An office as its profile route shows it: where it sits, the offices directly under it,
/// and its profile with who saved it last and when (none before the first save).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoredProfile {
    pub code: String,
    pub name: String,
    /// The office that supervises it (code and name), if any.
    pub parent: Option<OfficeName>,
    /// The offices directly under it, by code.
    pub offices_under: Vec<OfficeName>,
    pub profile: Option<Value>,
    pub saved_by: Option<String>,
    pub saved_at: Option<String>,
}

/// An office's code and name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OfficeName {
    pub code: String,
    pub name: String,
}

impl Store {
    /// `office` with its parent, the offices under it and its profile.
    pub async fn profile(&self, office: &Office) -> Result<StoredProfile, StoreError> {
        let parent = sqlx::query(
            "SELECT parent.code, parent.name FROM offices \
             JOIN offices AS parent ON parent.id = offices.parent_id WHERE offices.id = $1",
        )
        .bind(office.id)
        .fetch_all(&self.pool)
        .await?;
        let saved = sqlx::query(
            "SELECT office_profiles.profile, users.login, office_profiles.saved_at \
             FROM office_profiles JOIN users ON users.id = office_profiles.saved_by \
             WHERE office_profiles.office_id = $1",
        )
        .bind(office.id)
        .fetch_optional(&self.pool)
        .await?;
        let (profile, saved_by, saved_at) = match saved {
            Some(row) => {
                let text: String = row.try_get(0)?;
                let profile = serde_json::from_str(&text)
                    .map_err(|error| StoreError::Internal(error.to_string()))?;
                (Some(profile), Some(row.try_get(1)?), Some(row.try_get(2)?))
            }
            None => (None, None, None),
        };
        Ok(StoredProfile {
            code: office.code.clone(),
            name: office.name.clone(),
            parent: names(parent)?.pop(),
            offices_under: self.offices_under(office.id).await?,
            profile,
            saved_by,
            saved_at,
        })
    }

    /// The offices directly under `office`, by code.
    pub async fn offices_under(&self, office: i64) -> Result<Vec<OfficeName>, StoreError> {
        let rows = sqlx::query("SELECT code, name FROM offices WHERE parent_id = $1 ORDER BY code")
            .bind(office)
            .fetch_all(&self.pool)
            .await?;
        Ok(names(rows)?)
    }

    /// Saves `profile` (already checked) as `user`'s office's profile, in place of the last.
    pub async fn save_profile(&self, user: &User, profile: &Value) -> Result<(), StoreError> {
        let text =
            serde_json::to_string(profile).map_err(|e| StoreError::Internal(e.to_string()))?;
        let mut transaction = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO office_profiles (office_id, profile, saved_by, saved_at) \
             VALUES ($1, $2, $3, $4) \
             ON CONFLICT (office_id) DO UPDATE SET profile = excluded.profile, \
               saved_by = excluded.saved_by, saved_at = excluded.saved_at",
        )
        .bind(user.office.id)
        .bind(text)
        .bind(user.id)
        .bind(now())
        .execute(&mut *transaction)
        .await?;
        audit::record(&mut *transaction, user, "office.profile", &user.office.code).await?;
        transaction.commit().await?;
        Ok(())
    }
}

/// Each row's code and name.
fn names(rows: Vec<sqlx::any::AnyRow>) -> Result<Vec<OfficeName>, sqlx::Error> {
    rows.iter()
        .map(|row| {
            Ok(OfficeName {
                code: row.try_get(0)?,
                name: row.try_get(1)?,
            })
        })
        .collect()
}
