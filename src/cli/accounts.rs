//! `vanban office add`, `vanban user add|passwd|token|tokens|revoke|disable|enable` and
//! `vanban backup`: the stored data's administration, on the database `--database` names.

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use vanban::errors::Kind;
use vanban::store::{Store, StoreError, shown_location};

use super::Failure;
use super::args::{BackupArgs, OfficeCommand, UserCommand};
use super::output;

/// Runs `work` on the database at `location`, on a runtime of its own.
fn with_store<T>(
    location: &str,
    work: impl AsyncFnOnce(&Store) -> Result<T, StoreError>,
) -> Result<T, Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(Failure::internal)?;
    runtime.block_on(async {
        let store = open(location).await?;
        work(&store).await.map_err(failure)
    })
}

/// Opens the database at `location`, or says which one cannot be opened and why.
pub async fn open(location: &str) -> Result<Store, Failure> {
    Store::open(location).await.map_err(|error| {
        Failure::from(Kind::DatabaseUnavailable {
            location: shown_location(location),
        })
        .because(error)
    })
}

/// A store error as the command line says it.
fn failure(error: StoreError) -> Failure {
    match error {
        StoreError::Problem(kind) => Failure::from(kind),
        other => Failure::internal(other),
    }
}

pub fn office(command: &OfficeCommand) -> Result<(), Failure> {
    match command {
        OfficeCommand::Add(args) => {
            let office = with_store(&args.database.database, async |store| {
                store
                    .add_office(&args.code, &args.name, args.parent.as_deref())
                    .await
            })?;
            output::stdout(format!("office {} added: {}\n", office.code, office.name).as_bytes())
        }
    }
}

pub fn user(command: &UserCommand) -> Result<(), Failure> {
    match command {
        UserCommand::Add(args) => {
            let password = password()?;
            let user = with_store(&args.database.database, async |store| {
                store.add_user(&args.login, &args.office, &password).await
            })?;
            output::stdout(
                format!("user {} added to office {}\n", user.login, user.office.code).as_bytes(),
            )
        }
        UserCommand::Passwd(args) => {
            let password = password()?;
            with_store(&args.database.database, async |store| {
                store.set_password(&args.login, &password).await
            })?;
            output::stdout(format!("password of {} changed\n", args.login).as_bytes())
        }
        UserCommand::Token(args) => {
            let token = with_store(&args.database.database, async |store| {
                store.add_token(&args.login, &args.label).await
            })?;
            // The token alone on standard output, for scripts; it is not kept, only its digest.
            output::stdout(format!("{token}\n").as_bytes())
        }
        UserCommand::Tokens(args) => {
            let tokens = with_store(&args.database.database, async |store| {
                store.tokens(&args.login).await
            })?;
            let lines: String = tokens
                .iter()
                .map(|(label, made)| format!("{label}\tmade {made}\n"))
                .collect();
            output::stdout(lines.as_bytes())
        }
        UserCommand::Revoke(args) => {
            let revoked = with_store(&args.database.database, async |store| {
                store.revoke_tokens(&args.login, &args.label).await
            })?;
            let tokens = if revoked == 1 { "token" } else { "tokens" };
            output::stdout(
                format!(
                    "{revoked} {tokens} of {} labelled \"{}\" revoked\n",
                    args.login, args.label
                )
                .as_bytes(),
            )
        }
        UserCommand::Disable(args) => {
            with_store(&args.database.database, async |store| {
                store.set_disabled(&args.login, true).await
            })?;
            output::stdout(
                format!(
                    "{} disabled: their sessions ended, their tokens revoked\n",
                    args.login
                )
                .as_bytes(),
            )
        }
        UserCommand::Enable(args) => {
            with_store(&args.database.database, async |store| {
                store.set_disabled(&args.login, false).await
            })?;
            output::stdout(format!("{} may log in again\n", args.login).as_bytes())
        }
    }
}

/// A new password: asked for twice without echo on a terminal, else the first line of
/// standard input.
fn password() -> Result<String, Failure> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password: ").map_err(Failure::internal)?;
        let again = rpassword::prompt_password("The same again: ").map_err(Failure::internal)?;
        if first != again {
            return Err(Failure::from(Kind::PasswordsDiffer));
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|error| Failure::unreadable(Path::new("-"), &error))?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

/// `vanban backup`: a consistent copy of the SQLite database, written beside `output` under
/// a temporary name and renamed into place, so that a copy is whole or absent.
pub fn backup(args: &BackupArgs) -> Result<(), Failure> {
    let folder = match args.output.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let temporary = tempfile::Builder::new()
        .prefix(".vanban-backup-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(|error| Failure::unwritable(&args.output, &error))?
        .into_temp_path();
    // SQLite writes the copy itself, into a file that must not exist yet.
    std::fs::remove_file(&temporary).map_err(|error| Failure::unwritable(&args.output, &error))?;
    with_store(&args.database.database, async |store| {
        store.backup(&temporary).await
    })?;
    temporary
        .persist(&args.output)
        .map_err(|error| Failure::unwritable(&args.output, &error.error))?;
    output::stdout(format!("{}: backup written\n", args.output.display()).as_bytes())
}
