//! The catalogue in English: how the command line and the API say every problem by default.

use super::kind::{
    CellValue, Expected, Figures, Found, Hint, IoReason, Kind, Measure, Part, Place, SpecialFile,
};
use super::{Location, column_letter};

impl Kind {
    /// The problem in English.
    pub fn english(&self) -> String {
        match self {
            Kind::TextEmpty => "must not be empty".into(),
            Kind::DirectionControl { character } => format!(
                "must not contain the direction control character U+{:04X}",
                *character as u32
            ),
            Kind::WordTooLong {
                length,
                limit,
                place,
            } => format!(
                "has a word of {length} characters, more than the {limit} that fit {}: add spaces",
                place.english()
            ),
            Kind::InvisibleCharacter { character } => format!(
                "must not contain the character U+{:04X}, which does not print: remove it",
                *character as u32
            ),
            Kind::UnknownField => {
                "unknown field (check its spelling; `vanban schema` lists the fields)".into()
            }
            Kind::MissingField => "missing required field".into(),
            Kind::WrongType { expected, found } => format!(
                "expected {}, found {}",
                or(expected.iter().map(Expected::english)),
                found.english()
            ),
            Kind::TooSmall { limit, found } => format!("must be at least {limit}, found {found}"),
            Kind::TooLarge { limit, found } => format!("must be at most {limit}, found {found}"),
            Kind::TooFewItems { limit } => {
                format!("must list at least {}", counted(*limit, "item"))
            }
            Kind::TooManyItems { limit } => {
                format!("must list at most {}", counted(*limit, "item"))
            }
            Kind::TooLong { limit } => format!("must be at most {limit} characters"),
            Kind::DocumentTooLong { length, limit } => format!(
                "holds {length} characters of text in all, more than the {limit} one document \
                 may hold: shorten the paragraphs or leave some out"
            ),
            Kind::TooManyFigures { found, limit } => {
                format!("hold {found} figures in all, more than the {limit} one document may hold")
            }
            Kind::FieldTwice {
                first_line,
                first_column,
                line,
                column,
            } => format!(
                "is written twice in the same object, at line {first_line}, column \
                 {first_column} and again at line {line}, column {column}: keep one"
            ),
            Kind::NotASymbol { found } => format!(
                "must be capital letters and digits, in groups joined by '-' (e.g. \"BCHQS\" \
                 or \"BCHQS-HLHPN\"), found {found}"
            ),
            Kind::NotADate { found } => {
                format!("expected a real calendar date as YYYY-MM-DD, found {found}")
            }
            Kind::NotOneOf { options, found } => {
                format!("expected one of {options}, found {found}")
            }
            Kind::NotValid { found } => {
                format!("{found} does not fit here (`vanban schema` says what each field holds)")
            }
            Kind::BadId => {
                "must be lowercase ASCII letters and digits joined by '-', e.g. \"hoi-lhpn\"".into()
            }
            Kind::DuplicateId { id } => format!("duplicate id \"{id}\""),
            Kind::MoneyTotalTooLarge { limit } => format!(
                "the money figures add up to more than {limit} đồng, which the report cannot print"
            ),
            Kind::OutsideReviewYears { year, found } => format!(
                "must fall in {year} or {}, the year under review or the next, found {found}",
                year + 1
            ),
            Kind::BadKey => {
                "must be lowercase ASCII letters and digits joined by '_', e.g. \"cay_xanh\"".into()
            }
            Kind::DuplicateKey { key } => format!("duplicate key \"{key}\""),
            Kind::UnknownPlaceholder {
                name,
                figures,
                keys,
            } => format!(
                "`{{{name}}}` names none of the {} here (keys: {})",
                match figures {
                    Figures::Quantities => "quantities",
                    Figures::Targets => "targets",
                },
                list_or(keys, "none")
            ),
            Kind::MoreThanOneValue => "gives more than one of `amount`, `count`, `percent` and \
                                       `ratio`; a figure is one of them"
                .into(),
            Kind::NoValue => "needs `amount` (money in whole đồng), `count` (with `unit`), \
                              `percent` or `ratio` (with `unit`)"
                .into(),
            Kind::UnitNotCounted => "goes with `count` and `ratio` only; money is always in đồng \
                                     and a percentage prints %"
                .into(),
            Kind::UnitMissing => "missing: say what is counted, e.g. \"cây xanh\"".into(),
            Kind::TableUnitWithoutUnit => {
                "goes with `unit` only: it is the table's shorter form of it".into()
            }
            Kind::PartOverWhole { part, whole } => format!(
                "must be a part of a whole, [part, whole] with the part at most the whole, \
                 found [{part}, {whole}]"
            ),
            Kind::RepeatedUnit { name, words, unit } => format!(
                "`{{{name}}}` is followed by \"{words}\", which its unit \"{unit}\" already prints"
            ),
            Kind::FirstYearMissing => "missing: a report on a period (tong_ket_giai_doan) needs \
                                       the period's first year"
                .into(),
            Kind::FirstYearNotBefore { year, found } => {
                format!("must be before {year}, the last year of the period, found {found}")
            }
            Kind::FirstYearWithoutPeriod => {
                "goes with a report on a period (tong_ket_giai_doan) only; leave it out".into()
            }
            Kind::NotAProgramNumber => {
                "must be the number, a slash and the ký hiệu, e.g. \"01/CTr-BCHQS-CTXH\"".into()
            }
            Kind::ProgramAfterReport { date } => {
                format!("must not be later than the report's date, {date}")
            }
            Kind::PlaceNotAlone { suggestion } => format!(
                "must be the place name alone, as the date line prints it: \"{suggestion}\""
            ),
            Kind::OnBehalfOfWithActing => {
                "not used with Q. (acting): the authority line is \"Q.\" followed by the title"
                    .into()
            }
            Kind::OnBehalfOfMissing { authority } => format!(
                "missing: {} needs whom it signs for, e.g. \"Chỉ huy trưởng\"",
                authority.prefix()
            ),
            Kind::AuthorityMissing => {
                "needs `authority` (TM, KT, TL or TUQ) to say how the signer acts for them".into()
            }
            Kind::PartnerLeads { party } => {
                format!("\"{party}\" leads this item; list only the other parties")
            }
            Kind::PartnerTwice { party } => format!("\"{party}\" is listed twice"),
            Kind::ResponsibilityTwice { party } => {
                format!("\"{party}\" already has responsibilities; give each party one entry")
            }
            Kind::MidyearNotBeforeYearEnd => "must come before the year-end review".into(),
            Kind::NotASigningParty { party, parties } => format!(
                "\"{party}\" is not one of the signing parties ({}); every party named in the \
                 program must sign it",
                parties.join(", ")
            ),
            Kind::OutsideProgramYear { year, found } => {
                format!("must fall in {year}, the program's year, found {found}")
            }
            Kind::TargetMeasureMismatch { key, target, found } => format!(
                "answers the target \"{key}\" of this year's program, which is {}, but this \
                 figure is {}: give both the same kind of figure and the same unit, or another key",
                target.english(),
                found.english()
            ),
            Kind::TargetMeasuredTwice { key } => format!(
                "the target \"{key}\" of this year's program is a percentage or a ratio, which is \
                 never added up: only one figure of the report may have the key \"{key}\""
            ),
            Kind::ProgramFileYear { file, year, found } => format!(
                "{file} is the data of {found}; this year's program comes from the data of {}, \
                 whose `next_program` is the program for {year}",
                year - 1
            ),
            Kind::ProgramFileWithoutProgram { file, year } => {
                format!("{file} has no `next_program`: the program for {year} is missing there")
            }
            Kind::ProgramGivenTwice { file } => format!(
                "the data already has this year's program (`program`); leave out --program {file}, \
                 or remove `program` from the data"
            ),
            Kind::NoProgram => "missing: the agreement is made from next year's program".into(),
            Kind::NoGlyph { character } => format!(
                "character '{character}' (U+{:04X}) has no glyph in the fonts; remove it or add \
                 a font with --font-dir",
                *character as u32
            ),
            Kind::NotUtf8 { line, column } => {
                format!("input is not valid UTF-8 at line {line}, column {column}")
            }
            Kind::JsonSyntax {
                line,
                column,
                found,
            } => format!(
                "malformed JSON at line {line}, column {column}: {}",
                match found {
                    Some(character) => format!("{} does not fit here", quoted(*character)),
                    None => "the text ends before the JSON does (a closing `]`, `}` or `\"` \
                             is missing)"
                        .to_owned(),
                }
            ),
            Kind::DataProblems { count } => {
                format!("{} in the year data", counted(*count as u64, "problem"))
            }
            Kind::BatchFileProblems { count } => {
                format!("{} in the batch file", counted(*count as u64, "problem"))
            }
            Kind::NoWards => "must list at least one ward".into(),
            Kind::WardUnnamed => "must name the ward, e.g. \"Phường An Mỹ\"".into(),
            Kind::NoUnitKind { kinds } => format!(
                "does not start with the kind of unit: write it as \"Phường An Mỹ\" or \
                 \"TT. Bình Minh\", with one of {kinds} (in any case)"
            ),
            Kind::PlaceholderKey { key } => format!(
                "\"{key}\" stands for the unit's level words or name in a batch; give the figure \
                 another key"
            ),
            Kind::ReservedFileName { slug } => {
                format!("gives the file name \"{slug}\", which the batch uses itself")
            }
            Kind::SameFileName { slug, other } => {
                format!("gives the same file name \"{slug}\" as {}", other.english())
            }
            Kind::UnknownFigure { key, keys } => format!(
                "no shared quantity has the key \"{key}\" (keys: {})",
                list_or(keys, "none")
            ),
            Kind::NotShared { key } => {
                format!("\"{key}\" is not a shared quantity, so the roll-up cannot add it up")
            }
            Kind::KeyUsedTwice { key } => {
                format!("\"{key}\" is used twice; in a batch every figure's key must be unique")
            }
            Kind::FileUnreadable { file, reason } => {
                format!("cannot read {file}: {}", reason.english())
            }
            Kind::WardsFailed { failed, wards } => format!(
                "{failed} of {wards} wards have problems; fix them, or send allow_partial=true \
                 to leave them out"
            ),
            Kind::WardsLeftOut { failed, wards } => format!(
                "{failed} of {wards} wards failed; their errors are listed above and in the \
                 manifest"
            ),
            Kind::StoppedAtWard { ward } => format!("stopped at {ward} (--strict)"),
            Kind::RollupFailed => "the roll-up report cannot be made".into(),
            Kind::NoValidWard { wards } => format!(
                "none of the {wards} wards can be rendered, so neither can the roll-up; fix each \
                 ward's errors"
            ),
            Kind::TooManyWards { wards, limit } => format!(
                "the batch has {wards} wards, more than the {limit} one batch may have; split it \
                 into several batches"
            ),
            Kind::WardsWithoutProgram => "the wards' agreements need next year's program, which \
                                          no ward has: give `next_program` in the batch's \
                                          `shared` data or in each ward's `overrides`"
                .into(),
            Kind::OfficesWithoutProgram => "the offices' agreements need next year's program, \
                                            which no office's saved data has: save it in each \
                                            office's data (\"Chương trình phối hợp năm sau\") \
                                            or give `next_program` in the batch file's `shared` \
                                            data"
                .into(),
            Kind::DirectoryEmpty => "holds no .json file: put one ward's year data in each".into(),
            Kind::DirectoryProblems { count } => {
                format!("{} with the files", counted(*count as u64, "problem"))
            }
            Kind::NotAPlainFile { what } => format!(
                "is {}, not a plain file: put the ward's year data itself in the folder",
                what.english()
            ),
            Kind::WardFileTooLarge { limit_mb } => format!(
                "is larger than {limit_mb} MB, far more than one ward's year data: check that \
                 it is the right file"
            ),
            Kind::NotAWorkbook => {
                "cannot read the workbook: save it as an Excel workbook (.xlsx)".into()
            }
            Kind::NoWorksheet => "the workbook has no worksheet".into(),
            Kind::NotCsv { line } => format!(
                "cannot read the CSV{}: save it as CSV UTF-8, comma- or semicolon-separated",
                line.map(|line| format!(" (line {line})"))
                    .unwrap_or_default()
            ),
            Kind::SheetProblems { count } => {
                format!("{} in the sheet", counted(*count as u64, "problem"))
            }
            Kind::SheetFileTooLarge { limit_mb } => format!(
                "the sheet file is larger than {limit_mb} MB, far more than a sheet of wards \
                 needs: save only the wards' sheet"
            ),
            Kind::WorkbookTooLarge { limit_mb } => format!(
                "the workbook unpacks to more than {limit_mb} MB, far more than a sheet of \
                 wards needs: save only the wards' sheet, without pictures or other sheets"
            ),
            Kind::WorkbookTooCompressed { ratio } => format!(
                "the workbook is packed {ratio} times or more tighter than a spreadsheet \
                 program saves one: open it in Excel and save it again"
            ),
            Kind::SheetTooLarge { rows, last_column } => format!(
                "has a value past the end of a sheet of wards, which may have at most {rows} \
                 rows and the columns from A to {last_column}: delete what lies beyond"
            ),
            Kind::NotAHeader { found } => {
                format!("expected a header, found {}", found.english())
            }
            Kind::UnknownColumn { columns, keys } => format!(
                "unknown column; the columns are {} and the shared quantity keys: {}",
                columns.join(", "),
                keys.join(", ")
            ),
            Kind::SameHeader { column } => format!("the same header as column {column}"),
            Kind::MissingColumn { header } => {
                format!("has no \"{header}\" column (headers are case-sensitive)")
            }
            Kind::SheetEmpty => "is empty: its first row must hold the column headers".into(),
            Kind::SheetWithoutWards => "has no ward: add one row per ward below the headers".into(),
            Kind::ValueWithoutHeader => "has a value but its column has no header".into(),
            Kind::NotText { found } => format!("expected text, found {}", found.english()),
            Kind::NotWholeNumber { found } => format!(
                "expected a whole number of at least 0, found {}",
                found.english()
            ),
            Kind::NotADateCell { found } => format!(
                "expected a date (a date cell, or text as YYYY-MM-DD), found {}",
                found.english()
            ),
            Kind::PageNeedsPng => "page and dpi go with the png format".into(),
            Kind::DpiNeedsPng => {
                "dpi goes with the png format; an svg page has no resolution".into()
            }
            Kind::PdfOptionsNeedPdf => {
                "PDF/A, PDF/UA and the choice of signature fields go with the pdf format".into()
            }
            Kind::PageFromOne => "page counts from 1".into(),
            Kind::DpiOutOfRange { min, max } => format!("dpi must be from {min} to {max}"),
            Kind::NoPage { page, pages } => {
                format!(
                    "page {page} does not exist: the document has {}",
                    counted(*pages as u64, "page")
                )
            }
            Kind::NoDocumentKind { kind, kinds } => format!(
                "no document kind \"{kind}\"; the kinds are: {}",
                kinds.join(", ")
            ),
            Kind::UnknownParameter { name, known } => format!(
                "unknown parameter `{name}`; the parameters are {}",
                known.join(", ")
            ),
            Kind::ParameterTwice { name } => format!("the parameter `{name}` is given twice"),
            Kind::BadParameter {
                name,
                expected,
                found,
            } => format!(
                "the parameter `{name}` must be {}, found \"{found}\"",
                expected.english()
            ),
            Kind::FieldsJsonWithoutFields => {
                "--fields-json lists the fields --no-sign-fields leaves out".into()
            }
            Kind::PngToStdoutNeedsPage => {
                "a PNG or SVG page to standard output needs --page".into()
            }
            Kind::OtherSheetFormat { file } => {
                format!("{file}: vanban reads sheets saved as .xlsx or .csv")
            }
            Kind::SheetNeedsShared { file } => {
                format!("{file} is a sheet: --shared must name the batch file with the shared data")
            }
            Kind::DirectoryNeedsShared { file } => format!(
                "{file} is a directory of ward files: --shared must name the batch file with \
                 the shared data"
            ),
            Kind::SharedWithBatchFile { file } => format!(
                "--shared goes with a sheet (.xlsx or .csv) or a directory; {file} is a batch file"
            ),
            Kind::CannotWrite {
                file,
                reason: IoReason::NotFound,
            } => format!("cannot write {file}: its folder does not exist"),
            Kind::CannotWrite { file, reason } => {
                format!("cannot write {file}: {}", reason.english())
            }
            Kind::NotAPdf => "not a PDF file vanban can read".into(),
            Kind::PdfTooLarge { limit_mb } => {
                format!("the PDF is larger than {limit_mb} MB, the most vanban reads")
            }
            Kind::PdfFieldsTooDeep { limit } => format!(
                "the PDF's form nests fields more than {limit} levels deep, more than vanban follows"
            ),
            Kind::PdfFieldsTooMany { limit } => format!(
                "the PDF's form has more than {limit} fields and widgets, more than vanban reads"
            ),
            Kind::PdfFieldNameTooLong { limit } => {
                format!("a field of the PDF's form has a name longer than {limit} characters")
            }
            Kind::PdfFieldLoop => {
                "the PDF's form is damaged: a field is listed inside itself".into()
            }
            Kind::CannotServe { addr } => format!("cannot serve on {addr}"),
            Kind::NotJson { media } => format!(
                "send the year data as application/json (the request said {})",
                media.as_deref().unwrap_or("no Content-Type")
            ),
            Kind::BatchNotJson { media } => format!(
                "send the batch file as application/json (the request said {})",
                media.as_deref().unwrap_or("no Content-Type")
            ),
            Kind::NotABatch => "send a batch file as application/json, or a sheet of wards \
                                (.xlsx or .csv) and the shared batch file as \
                                multipart/form-data parts `sheet` and `shared`"
                .into(),
            Kind::BodyTooLarge { limit } => {
                format!("the request body is larger than the limit of {limit} bytes")
            }
            Kind::BodyUnreadable => "cannot read the request body".into(),
            Kind::BodyTimedOut { seconds } => format!(
                "the request body did not arrive whole within {seconds} s; send it at once, \
                 not a little at a time"
            ),
            Kind::ContentEncoding { encoding } => format!(
                "the body is sent with Content-Encoding {encoding}; send it uncompressed \
                 (identity)"
            ),
            Kind::UriTooLong { limit } => {
                format!("the request's address is longer than the limit of {limit} bytes")
            }
            Kind::HeadersTooLarge { bytes, count } => format!(
                "the request's headers are larger than {bytes} bytes in all, or more than \
                 {count} of them"
            ),
            Kind::MalformedRequest => "the request cannot be read: check its address (a \
                                       percent-encoded part must decode to UTF-8) and headers"
                .into(),
            Kind::FormUnreadable => {
                "cannot read the form: send it as multipart/form-data with its boundary".into()
            }
            Kind::FormPartTwice { part } => format!("the form has two `{part}` parts"),
            Kind::FormPartUnexpected { part } => format!(
                "unexpected form part `{part}`: send `sheet` (the .xlsx or .csv sheet of wards) \
                 and `shared` (the batch file with the shared data)"
            ),
            Kind::FormWithoutShared => "the form has no `shared` part: the batch file with the \
                                        shared data and roll-up"
                .into(),
            Kind::FormWithoutSheet => {
                "the form has no `sheet` part: the .xlsx or .csv sheet of wards".into()
            }
            Kind::SheetPartFormat => {
                "the `sheet` part must be an .xlsx workbook or a .csv file".into()
            }
            Kind::NoRoute { path } => {
                format!("no route {path}; the API is under /v1 (see GET /v1/templates)")
            }
            Kind::MethodNotAllowed => "this route does not take that method: documents, batches \
                                       and validation are POST, the rest GET"
                .into(),
            Kind::NoStaticFile { file } => format!("no file /static/{file}"),
            Kind::NoDatabase => {
                "this server keeps no data: it was started without --database".into()
            }
            Kind::DatabaseUnavailable { location } => {
                format!("cannot open the database {location}")
            }
            Kind::BackupNeedsSqlite => "vanban backup copies an SQLite database; back up \
                                        PostgreSQL with pg_dump"
                .into(),
            Kind::NotLoggedIn => {
                "log in first (a session, or an Authorization: Bearer token)".into()
            }
            Kind::WrongLogin => "wrong login or password".into(),
            Kind::TooManyLogins { minutes } => {
                format!("too many wrong passwords for this login: try again in {minutes} minutes")
            }
            Kind::CsrfTokenMissing => "this change needs the page's X-CSRF-Token header: reload \
                                       the page and try again"
                .into(),
            Kind::NotAnOfficeCode { found } => format!(
                "\"{found}\" is not an office code: use 2 to 64 lowercase letters and digits, \
                 joined by -, _ or . (e.g. tam-ky)"
            ),
            Kind::OfficeExists { code } => format!("there is already an office {code}"),
            Kind::NoSuchOffice { code } => format!("no office {code} that you may read"),
            Kind::NotALogin { found } => format!(
                "\"{found}\" is not a login: use 2 to 64 lowercase letters and digits, joined \
                 by -, _ or . (e.g. nguyen.van.a)"
            ),
            Kind::LoginExists { login } => format!("there is already a login {login}"),
            Kind::NoSuchLogin { login } => format!("no login {login}"),
            Kind::UserDisabled { login } => {
                format!("{login} is disabled: `vanban user enable {login}` first")
            }
            Kind::PasswordTooShort { min } => {
                format!("the password must have at least {min} characters")
            }
            Kind::PasswordsDiffer => "the two passwords differ".into(),
            Kind::NoSuchDraft { year } => format!("no data saved for {year}"),
            Kind::NoSuchRevision { year, revision } => {
                format!("the data for {year} has no revision {revision}")
            }
            Kind::RevisionConflict {
                year,
                base,
                current,
                saved_by,
            } => match base {
                0 => format!(
                    "the data for {year} was saved already: revision {current}, by {saved_by}; \
                     open it and make your changes there"
                ),
                _ => format!(
                    "the data for {year} was saved again since revision {base}: revision \
                     {current}, by {saved_by}; open it and make your changes there"
                ),
            },
            Kind::ChangedSince { revision } => format!("changed by revision {revision}"),
            Kind::DraftYearMismatch { year, found } => {
                format!("the data is for {found}, not {year}")
            }
            Kind::ReadOnlyOffice { code } => {
                format!("you may read the data of {code}, not change it")
            }
            Kind::NumberTaken {
                number,
                series,
                earlier,
                dated,
                issued_by,
                next,
            } => format!(
                "number {number:02} of {series} is already given to {earlier}, dated {dated}, \
                 issued by {issued_by}; the next free number is {next:02}"
            ),
            Kind::NoSubordinateDrafts { year } => {
                format!("no office under yours has data saved for {year}")
            }
            Kind::NoSuchDocument { id } => format!("the register has no document {id}"),
            Kind::NoSuchVersion { symbol, version } => {
                format!("{symbol} has no version {version}")
            }
            Kind::NotTheIssuedDocument { symbol, version } => format!(
                "this file is not {symbol} as issued with signatures added: it must keep every \
                 byte of version {version}; sign the file downloaded from the register, with \
                 signing software that adds each signature after the document"
            ),
            Kind::SignedFromOlderVersion {
                symbol,
                based_on,
                latest,
            } => format!(
                "this copy of {symbol} was signed on version {based_on}, but version {latest} \
                 was added since; sign version {latest} and upload it"
            ),
            Kind::NoNewSignature { symbol, signed } => match signed {
                0 => format!("this copy of {symbol} has no signature"),
                _ => format!("this copy of {symbol} adds no signature to the {signed} it had"),
            },
            Kind::Busy => "the server is busy rendering other documents; try again shortly".into(),
            Kind::TimedOut { seconds } => {
                format!("the document took longer than {seconds} s to render")
            }
            Kind::Template { detail } => format!("template error: {detail}"),
            Kind::Typesetting { detail } => format!("typesetting failed: {detail}"),
            Kind::Internal => "internal error".into(),
            Kind::Within { part, problem } => {
                let part = match part {
                    Part::SharedFile => "the shared batch file",
                    Part::Rollup => "the roll-up report",
                    Part::Sheet => "the sheet",
                };
                format!("{part}: {}", problem.english())
            }
        }
    }
}

impl Location {
    pub(super) fn english(&self) -> String {
        match self {
            Location::Json(path) | Location::File(path) => path.clone(),
            Location::Cell {
                row,
                column,
                header: Some(header),
            } => format!("row {row}, column {} ({header})", column_letter(*column)),
            Location::Cell { row, column, .. } => {
                format!("row {row}, column {}", column_letter(*column))
            }
            Location::Row(row) => format!("row {row}"),
            Location::Sheet => "the sheet".into(),
        }
    }
}

impl Place {
    fn english(self) -> &'static str {
        match self {
            Place::Paragraph => "a paragraph",
            Place::OneLineField => "a one-line field",
            Place::TableCell => "a table cell",
        }
    }
}

impl Expected {
    fn english(&self) -> String {
        match self {
            Expected::WholeNumber => "a whole number".into(),
            Expected::Number => "a number".into(),
            Expected::Text => "text".into(),
            Expected::List => "a list".into(),
            Expected::Object => "an object".into(),
            Expected::TrueOrFalse => "true or false".into(),
            Expected::Null => "null".into(),
            Expected::OneOf(words) => or(words.iter().map(|word| format!("`{word}`"))),
        }
    }
}

impl Found {
    fn english(&self) -> String {
        match self {
            Found::Null => "null".into(),
            Found::Bool(value) => value.to_string(),
            Found::Number(number) => format!("the number {number}"),
            Found::Fraction(number) => format!("the fraction {number}"),
            Found::Text(text) => format!("the text {text}"),
            Found::List => "a list".into(),
            Found::Object => "an object".into(),
        }
    }
}

impl CellValue {
    fn english(&self) -> String {
        match self {
            CellValue::Empty => "an empty cell".into(),
            CellValue::Text(text) => format!("\"{text}\""),
            CellValue::Number(number) => number.to_string(),
            CellValue::Date(date) => format!("the date {date}"),
            CellValue::DateTime(time) => format!("the date and time {time}"),
            CellValue::Duration => "a duration".into(),
            CellValue::Bool(true) => "TRUE".into(),
            CellValue::Bool(false) => "FALSE".into(),
            CellValue::Error(error) => format!("the error {error}"),
        }
    }
}

impl IoReason {
    fn english(self) -> &'static str {
        match self {
            IoReason::NotFound => "there is no such file",
            IoReason::PermissionDenied => "permission denied",
            IoReason::DiskFull => "the disk is full",
            IoReason::ReadOnly => "the disk is read-only",
            IoReason::Folder => "it is a folder",
            IoReason::Other => "an input/output error",
        }
    }
}

impl SpecialFile {
    fn english(self) -> &'static str {
        match self {
            SpecialFile::Link => "a link (shortcut)",
            SpecialFile::Folder => "a folder",
            SpecialFile::Pipe => "a pipe",
            SpecialFile::Device => "a device",
            SpecialFile::Socket => "a socket",
        }
    }
}

impl Hint {
    pub(super) fn english(self) -> &'static str {
        match self {
            Hint::Schema => "`vanban schema` prints every field with its type",
            Hint::JsonInUtf8 => "the input must be a JSON document in UTF-8",
            Hint::SheetCommand => "vanban batch WARDS.xlsx --shared BATCH.json -o OUT.zip",
            Hint::AllowPartial => "--allow-partial exits with 0 when some wards fail",
        }
    }
}

/// A character as a message quotes it: `x`, or its code point when it does not print.
pub(super) fn quoted(character: char) -> String {
    if character.is_control() || character.is_whitespace() {
        format!("U+{:04X}", character as u32)
    } else {
        format!("`{character}`")
    }
}

/// "a", "a or b", "a, b or c".
fn or(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The items joined by ", ", or `none` for no item.
pub(super) fn list_or(items: &[String], none: &str) -> String {
    if items.is_empty() {
        none.to_owned()
    } else {
        items.join(", ")
    }
}

impl Measure {
    fn english(&self) -> String {
        match self {
            Measure::Money => "money (đồng)".into(),
            Measure::Count(unit) => format!("a count of \"{unit}\""),
            Measure::Percent => "a percentage".into(),
            Measure::Ratio(unit) => format!("a ratio of \"{unit}\""),
        }
    }
}

/// "1 problem", "2 problems": a count with its noun, in the plural past one.
fn counted(count: u64, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        count => format!("{count} {noun}s"),
    }
}
