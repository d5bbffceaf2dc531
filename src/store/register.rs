//! The register of issued documents (sổ đăng ký văn bản đi). Decree 30 numbers an office's
//! documents in one series per calendar year, so the database's unique key (office, year,
//! number) gives a number once, on one instance or several. Each document keeps its versions,
//! byte for byte: the PDF as issued (version 1), then each copy with more signatures added.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError, User, audit, is_unique_violation, kept, now};
use crate::digest::sha256_hex;
use crate::errors::Kind;
use crate::fields::FieldInfo;

/// A document to enter in the register: what it is, where its data came from, its PDF.
#[derive(Debug, Clone)]
pub struct Issue {
    /// "report" or "agreement".
    pub kind: &'static str,
    pub number: u32,
    /// Số và ký hiệu, "05/BC-BCHQS".
    pub symbol: String,
    pub dated: NaiveDate,
    /// The year data it was made from: its year and revision.
    pub data_year: i64,
    pub revision: i64,
    pub pdf: Vec<u8>,
    pub signatures: Vec<Signature>,
}

/// A signature field of a document, and whether it is signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// The field's name, "sig-hoi-lhpn".
    pub field: String,
    /// Who signs there, as the field describes them: "Hội Liên hiệp Phụ nữ thành phố".
    pub party: Option<String>,
    pub signed: bool,
}

impl Signature {
    /// The signature fields a PDF reader found.
    pub fn of(fields: &[FieldInfo]) -> Vec<Signature> {
        fields
            .iter()
            .map(|field| Signature {
                field: field.name.clone(),
                party: field.label.clone(),
                signed: field.signed,
            })
            .collect()
    }
}

/// A document in the register, as its latest version stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Registered {
    pub id: i64,
    pub kind: String,
    pub number: i64,
    pub symbol: String,
    pub dated: String,
    /// The year data it was made from: its year and revision.
    pub year: i64,
    pub revision: i64,
    pub issued_by: String,
    pub issued_at: String,
    /// 1 as issued, one more for each copy with more signatures.
    pub version: i64,
    /// The latest version's SHA-256.
    pub sha256: String,
    /// The latest version's signature fields.
    pub signatures: Vec<Signature>,
}

/// What issuing did: entered the document, or found it entered already (the same number,
/// symbol and bytes).
#[derive(Debug, Clone, PartialEq)]
pub enum Issued {
    New(Registered),
    Again(Registered),
}

/// One version of a document, with its bytes.
#[derive(Debug, Clone)]
pub struct Version {
    pub version: i64,
    pub pdf: Vec<u8>,
    pub sha256: String,
}

/// The columns [`registered_of`] reads, then `$rest`: every document of an office with its
/// latest version.
macro_rules! documents_where {
    ($rest:literal) => {
        concat!(
            "SELECT documents.id, documents.kind, documents.number, documents.symbol, \
             documents.dated, documents.data_year, documents.revision, users.login, \
             documents.issued_at, versions.version, versions.sha256, versions.fields \
             FROM documents JOIN users ON users.id = documents.issued_by \
             JOIN document_versions AS versions ON versions.document_id = documents.id \
               AND versions.version = (SELECT MAX(version) FROM document_versions AS later \
                                       WHERE later.document_id = documents.id) \
             WHERE documents.office_id = $1 ",
            $rest
        )
    };
}

impl Store {
    /// Enters `issue` in `user`'s office's register as version 1, unless its number is
    /// given already this year: to the same document (the same symbol and bytes), which is
    /// [`Issued::Again`], or to another, which is [`Kind::NumberTaken`].
    pub async fn issue(&self, user: &User, issue: &Issue) -> Result<Issued, StoreError> {
        let series = i64::from(issue.dated.year());
        let sha256 = sha256_hex(&issue.pdf);
        let fields = fields_text(&issue.signatures)?;
        let issued_at = now();
        let mut transaction = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO documents (office_id, series, number, symbol, kind, dated, data_year, \
             revision, issued_by, issued_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(user.office.id)
        .bind(series)
        .bind(i64::from(issue.number))
        .bind(issue.symbol.clone())
        .bind(issue.kind)
        .bind(issue.dated.to_string())
        .bind(issue.data_year)
        .bind(issue.revision)
        .bind(user.id)
        .bind(issued_at)
        .fetch_one(&mut *transaction)
        .await;
        let id: i64 = match inserted {
            Ok(row) => row.try_get(0)?,
            Err(error) if is_unique_violation(&error) => {
                transaction.rollback().await?;
                return self.given_already(user, issue, series, &sha256).await;
            }
            Err(error) => return Err(error.into()),
        };
        sqlx::query(
            "INSERT INTO document_versions (document_id, version, pdf, sha256, fields, \
             added_by, added_at) VALUES ($1, 1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(issue.pdf.clone())
        .bind(sha256)
        .bind(fields)
        .bind(user.id)
        .bind(now())
        .execute(&mut *transaction)
        .await?;
        audit::record(&mut *transaction, user, "document.issue", &issue.symbol).await?;
        transaction.commit().await?;
        Ok(Issued::New(self.registered(user.office.id, id).await?))
    }

    /// Why `issue`'s number could not be given: it is the same document, entered already,
    /// or another document has the number.
    async fn given_already(
        &self,
        user: &User,
        issue: &Issue,
        series: i64,
        sha256: &str,
    ) -> Result<Issued, StoreError> {
        let row = sqlx::query(
            "SELECT documents.id, documents.symbol, documents.dated, users.login, \
             versions.sha256 \
             FROM documents JOIN users ON users.id = documents.issued_by \
             JOIN document_versions AS versions ON versions.document_id = documents.id \
               AND versions.version = 1 \
             WHERE documents.office_id = $1 AND documents.series = $2 AND documents.number = $3",
        )
        .bind(user.office.id)
        .bind(series)
        .bind(i64::from(issue.number))
        .fetch_one(&self.pool)
        .await?;
        let earlier: String = row.try_get(1)?;
        let issued_sha256: String = row.try_get(4)?;
        if earlier == issue.symbol && issued_sha256 == sha256 {
            let id = row.try_get(0)?;
            return Ok(Issued::Again(self.registered(user.office.id, id).await?));
        }
        let dated: String = row.try_get(2)?;
        let next: i64 = sqlx::query(
            "SELECT MAX(number) + 1 FROM documents WHERE office_id = $1 AND series = $2",
        )
        .bind(user.office.id)
        .bind(series)
        .fetch_one(&self.pool)
        .await?
        .try_get(0)?;
        Err(Kind::NumberTaken {
            number: i64::from(issue.number),
            series,
            earlier,
            dated: dated.parse().map_err(internal)?,
            issued_by: row.try_get(3)?,
            next,
        }
        .into())
    }

    /// `office`'s register, the newest year first, each year by number.
    pub async fn register(&self, office: i64) -> Result<Vec<Registered>, StoreError> {
        let rows = sqlx::query(documents_where!(
            "ORDER BY documents.series DESC, documents.number DESC"
        ))
        .bind(office)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(registered_of).collect()
    }

    /// Document `id` of `office`'s register.
    pub async fn registered(&self, office: i64, id: i64) -> Result<Registered, StoreError> {
        let row = sqlx::query(documents_where!("AND documents.id = $2"))
            .bind(office)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(Kind::NoSuchDocument { id })?;
        registered_of(&row)
    }

    /// Every version of `document`, oldest first, with its bytes.
    pub async fn versions(&self, document: &Registered) -> Result<Vec<Version>, StoreError> {
        let rows = sqlx::query(
            "SELECT version, pdf, sha256 FROM document_versions WHERE document_id = $1 \
             ORDER BY version",
        )
        .bind(document.id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Version {
                    version: row.try_get(0)?,
                    pdf: row.try_get(1)?,
                    sha256: row.try_get(2)?,
                })
            })
            .collect()
    }

    /// Adds `pdf` as the version after `document`'s latest, unless another was added since,
    /// which is [`Kind::SignedFromOlderVersion`].
    pub async fn add_version(
        &self,
        user: &User,
        document: &Registered,
        pdf: &[u8],
        signatures: &[Signature],
    ) -> Result<Registered, StoreError> {
        let version = document.version + 1;
        let mut transaction = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO document_versions (document_id, version, pdf, sha256, fields, \
             added_by, added_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7 \
             WHERE (SELECT MAX(version) FROM document_versions WHERE document_id = $1) = $8",
        )
        .bind(document.id)
        .bind(version)
        .bind(pdf.to_vec())
        .bind(sha256_hex(pdf))
        .bind(fields_text(signatures)?)
        .bind(user.id)
        .bind(now())
        .bind(document.version)
        .execute(&mut *transaction)
        .await;
        if !kept(inserted)? {
            transaction.rollback().await?;
            let latest = self.registered(user.office.id, document.id).await?;
            return Err(Kind::SignedFromOlderVersion {
                symbol: document.symbol.clone(),
                based_on: document.version,
                latest: latest.version,
            }
            .into());
        }
        let subject = format!("{} version {version}", document.symbol);
        audit::record(&mut *transaction, user, "document.sign", &subject).await?;
        transaction.commit().await?;
        self.registered(user.office.id, document.id).await
    }
}

fn registered_of(row: &AnyRow) -> Result<Registered, StoreError> {
    let fields: String = row.try_get(11)?;
    Ok(Registered {
        id: row.try_get(0)?,
        kind: row.try_get(1)?,
        number: row.try_get(2)?,
        symbol: row.try_get(3)?,
        dated: row.try_get(4)?,
        year: row.try_get(5)?,
        revision: row.try_get(6)?,
        issued_by: row.try_get(7)?,
        issued_at: row.try_get(8)?,
        version: row.try_get(9)?,
        sha256: row.try_get(10)?,
        signatures: serde_json::from_str(&fields).map_err(internal)?,
    })
}

fn fields_text(signatures: &[Signature]) -> Result<String, StoreError> {
    serde_json::to_string(signatures).map_err(internal)
}

fn internal(error: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(error.to_string())
}
