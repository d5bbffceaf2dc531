//! Fields written twice in one JSON object. JSON parsers keep the last value silently, which
//! would drop what the first said; this pass over the text (already parsed, so well formed)
//! finds them with the line and column of both. It is linear in the text and keeps one frame
//! per open object or array (serde_json has already bounded the nesting).

use std::collections::HashMap;

use super::child_path;
use crate::errors::{DataError, Kind};
use crate::vn;

/// One open object or array, and where the scan is in it.
enum Frame {
    Object {
        /// Each key so far (in NFC, as validation sees it), with its line and column.
        keys: HashMap<String, (usize, usize)>,
        /// The key whose value is being read.
        current: String,
        /// Whether the next string is a key.
        expects_key: bool,
    },
    Array {
        index: usize,
    },
}

/// Every field written a second time in the same object of the JSON `text`, at its path.
pub fn fields_twice(text: &str) -> Vec<DataError> {
    let bytes = text.as_bytes();
    let mut errors = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            b'{' => stack.push(Frame::Object {
                keys: HashMap::new(),
                current: String::new(),
                expects_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expects_key, .. }) => *expects_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, at);
                let literal = &text[at..end];
                let (key_line, key_column) = (line, column);
                // A string is one line: the column moves by its characters.
                column += literal.chars().count();
                at = end;
                let Some(Frame::Object {
                    keys,
                    current,
                    expects_key,
                }) = stack.last_mut()
                else {
                    continue;
                };
                if !*expects_key {
                    continue;
                }
                *expects_key = false;
                let key = decode(literal);
                if let Some(&(first_line, first_column)) = keys.get(&key) {
                    *current = key;
                    errors.push(DataError::new(
                        path(&stack),
                        Kind::FieldTwice {
                            first_line,
                            first_column,
                            line: key_line,
                            column: key_column,
                        },
                    ));
                } else {
                    keys.insert(key.clone(), (key_line, key_column));
                    *current = key;
                }
                continue;
            }
            _ => {}
        }
        if byte == b'\n' {
            line += 1;
            column = 1;
        } else if byte & 0xC0 != 0x80 {
            column += 1;
        }
        at += 1;
    }
    errors
}

/// The byte just after the string literal that starts with the quote at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// A key's text from its literal (quotes included), in NFC.
fn decode(literal: &str) -> String {
    let key = if literal.contains('\\') {
        serde_json::from_str(literal).unwrap_or_else(|_| literal.to_owned())
    } else {
        literal[1..literal.len() - 1].to_owned()
    };
    if vn::is_nfc(&key) { key } else { vn::nfc(&key) }
}

/// The JSONPath of the current key of the innermost object.
fn path(stack: &[Frame]) -> String {
    let mut path = "$".to_owned();
    for frame in stack {
        match frame {
            Frame::Object { current, .. } => path = child_path(&path, current),
            Frame::Array { index } => path = format!("{path}[{index}]"),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twice(text: &str) -> Vec<(String, Kind)> {
        fields_twice(text)
            .into_iter()
            .map(|error| (error.at.path(), error.kind))
            .collect()
    }

    #[test]
    fn a_field_written_twice_is_found_with_both_places() {
        let text = "{\"a\": [{\"b\": 1,\n \"c\": \"{\\\"b\\\": 2}\", \"b\": 3}]}";
        let kind = Kind::FieldTwice {
            first_line: 1,
            first_column: 9,
            line: 2,
            column: 21,
        };
        assert_eq!(twice(text), vec![("$.a[0].b".to_owned(), kind)]);
    }

    #[test]
    fn escaped_and_decomposed_spellings_are_the_same_key() {
        assert_eq!(twice("{\"a\": 1, \"\\u0061\": 2}").len(), 1);
        assert_eq!(twice("{\"é\": 1, \"e\u{301}\": 2}").len(), 1);
        assert!(twice("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}]}").is_empty());
    }
}
