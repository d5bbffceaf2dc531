//! How much year data one document may hold: sized to what real reports and programs need
//! (samples/ and Decree 30) with room to spare, and small enough that the largest document the
//! limits allow renders in under 2 seconds (`scripts/bench-worst.sh` measures it).
//!
//! The list and text limits are declared on the types (schemars attributes), so `vanban schema`
//! documents them and validation checks them before anything is laid out.

/// The longest text printed on one line of a header, a signature block, a date line or a table
/// cell (names, titles, places, units, labels, ids), in characters. Typst lays a line that
/// cannot break well out in time that grows with the square of its words.
pub const NAME_CHARS: u64 = 120;

/// The longest text that may wrap over a few lines without being a paragraph (legal bases,
/// how the parties are named together, who issued a program), in characters.
pub const LINE_CHARS: u64 = 300;

/// The longest paragraph (an activity, a task, one item of a section), in characters: the
/// samples' longest is under 600.
pub const PARAGRAPH_CHARS: u64 = 3_000;

/// The most paragraphs in one section (situation, results, shortcomings, causes, lessons,
/// directions, proposals, purposes, requirements, one party's tasks).
pub const PARAGRAPHS: u64 = 30;

/// The most activities one organization reports.
pub const ACTIVITIES: u64 = 40;

/// The most figures of one activity, and targets of one line of work.
pub const FIGURES: u64 = 10;

/// The most commended collectives, and individuals.
pub const COMMENDEES: u64 = 60;

/// The most characters of text in one year data, all fields together: what bounds the work of
/// laying out one document. The sample holds about 13,000.
pub const DOCUMENT_CHARS: usize = 120_000;

/// The most figures in one document: an activity's quantities in a report, a line of work's
/// targets in a program. Each is a row of a table that runs over pages, whose layout grows
/// faster than its rows. The sample has 20.
pub const DOCUMENT_FIGURES: usize = 200;
