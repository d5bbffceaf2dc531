//! An .xlsx workbook is a ZIP of XML parts. Before the reader opens one, every part is
//! inflated once through a capped reader, so that a small file that unpacks to gigabytes (a
//! ZIP bomb) is refused having inflated at most the limits below. The sizes a ZIP declares are
//! not trusted: only the bytes that come out count.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// The most one part of a workbook (a worksheet, its shared strings) may unpack to: 64 MiB,
/// several times the sheet of every ward in the country.
pub const PART_UNPACKED_MAX: u64 = 64 * 1024 * 1024;

/// The most all the parts of a workbook together may unpack to: 128 MiB.
pub const WORKBOOK_UNPACKED_MAX: u64 = 128 * 1024 * 1024;

/// The most a part may unpack to per byte it takes in the file; spreadsheet programs write
/// 2 to 20, a sheet of identical rows about 20.
pub const UNPACK_RATIO_MAX: u64 = 100;

/// A part that unpacks to at most this (1 MiB) is accepted whatever its ratio.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// Why a workbook is not unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnpackError {
    /// Not a ZIP the reader could open (or a part it cannot inflate).
    NotAZip,
    /// A part, or all of them, unpack past [`PART_UNPACKED_MAX`] or [`WORKBOOK_UNPACKED_MAX`]:
    /// the one passed, in MiB.
    TooLarge { limit_mb: u64 },
    /// A part unpacks to more than [`UNPACK_RATIO_MAX`] times its size in the file.
    TooCompressed,
}

/// Inflates every part of the workbook `bytes` into nothing, stopping at the first past a
/// limit.
pub(super) fn check(bytes: &[u8]) -> Result<(), UnpackError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| UnpackError::NotAZip)?;
    let mut total = 0;
    for index in 0..archive.len() {
        let mut part = archive.by_index(index).map_err(|_| UnpackError::NotAZip)?;
        let by_ratio = part
            .compressed_size()
            .saturating_mul(UNPACK_RATIO_MAX)
            .max(RATIO_FLOOR);
        let left = WORKBOOK_UNPACKED_MAX - total;
        let by_size = PART_UNPACKED_MAX.min(left);
        let limit = by_size.min(by_ratio);
        let unpacked = std::io::copy(&mut (&mut part).take(limit + 1), &mut std::io::sink())
            .map_err(|_| UnpackError::NotAZip)?;
        if unpacked > limit {
            let passed = if left < PART_UNPACKED_MAX {
                WORKBOOK_UNPACKED_MAX
            } else {
                PART_UNPACKED_MAX
            };
            return Err(if by_ratio < by_size {
                UnpackError::TooCompressed
            } else {
                UnpackError::TooLarge {
                    limit_mb: passed / (1024 * 1024),
                }
            });
        }
        total += unpacked;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use super::*;

    /// A ZIP of one deflated part holding `size` spaces.
    fn spaces(size: usize) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("xl/worksheets/sheet1.xml", SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&vec![b' '; size]).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn small_parts_pass_whatever_their_ratio() {
        assert_eq!(check(&spaces(1024 * 1024)), Ok(()));
    }

    #[test]
    fn a_bomb_is_refused_by_its_ratio() {
        assert_eq!(
            check(&spaces(8 * 1024 * 1024)),
            Err(UnpackError::TooCompressed)
        );
    }

    #[test]
    fn many_small_parts_count_towards_the_total() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for part in 0..130 {
            zip.start_file(format!("xl/media/{part}.xml"), SimpleFileOptions::default())
                .unwrap();
            zip.write_all(&vec![b' '; 1024 * 1024]).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(check(&bytes), Err(UnpackError::TooLarge { limit_mb: 128 }));
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(check(b"name,signer_name"), Err(UnpackError::NotAZip));
    }
}
